package io.themodel.events.deal;

import java.util.UUID;

/**
 * Field sales rejected the toss-up, with a reason from the configured list and the gap (乖離) between
 * what the visit found and the IS handoff comment: feedback to Inside Sales.
 */
public record TossUpRejected(
    UUID leadId, UUID opportunityId, String reason, String handoffGap, String rejectedBy)
    implements DealEvent {}
