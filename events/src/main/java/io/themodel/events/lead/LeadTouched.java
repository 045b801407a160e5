package io.themodel.events.lead;

import java.util.UUID;

/**
 * A known lead came in again (the same email) from a source and campaign: a new touch on the
 * existing lead, not a second lead. {@code touchId} identifies the touch, so a retried delivery is
 * recorded once.
 */
public record LeadTouched(UUID leadId, UUID touchId, LeadSource source, String campaign)
    implements LeadEvent {}
