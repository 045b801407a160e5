package io.themodel.events.lead;

import java.util.UUID;

/**
 * The lead was split off as a non-target (育成対象外) by a configured rule, at capture or later: {@code
 * reason} is the rule's kind (student, competitor, retiree, free-mail, role address), {@code
 * detail} what matched. Excluded leads never count in the marketing funnel.
 */
public record LeadExcluded(UUID leadId, ExclusionReason reason, String detail)
    implements LeadEvent {}
