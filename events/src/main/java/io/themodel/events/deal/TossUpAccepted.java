package io.themodel.events.deal;

import java.util.UUID;

/** Field sales accepted the toss-up: it is now a valid opportunity (有効商談). */
public record TossUpAccepted(UUID leadId, UUID opportunityId, String acceptedBy)
    implements DealEvent {}
