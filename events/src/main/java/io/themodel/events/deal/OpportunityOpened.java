package io.themodel.events.deal;

import java.util.UUID;

/** An opportunity awaits acceptance by the assigned field sales rep. */
public record OpportunityOpened(
    UUID leadId,
    UUID opportunityId,
    OpportunityKind kind,
    String assignedRep,
    String handoffComment)
    implements DealEvent {}
