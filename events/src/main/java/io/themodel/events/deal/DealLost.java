package io.themodel.events.deal;

import java.util.UUID;

/**
 * The deal was lost (失注) with a reason from the configured list, the competitor and a note;
 * Marketing turns it into Recycle B.
 */
public record DealLost(
    UUID leadId, UUID opportunityId, String reason, String competitor, String note)
    implements DealEvent {}
