package io.themodel.events.lead;

import java.util.UUID;

/**
 * The lead's company, as entered, was resolved to one company of the golden master (ゴールデンマスタ): its
 * id, the normalised name key and how it matched.
 */
public record CompanyResolved(UUID leadId, UUID companyId, String normalisedKey, CompanyMatch match)
    implements LeadEvent {}
