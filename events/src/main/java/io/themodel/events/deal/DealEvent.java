package io.themodel.events.deal;

import io.themodel.events.DomainEvent;

/** Events published by Field Sales (deal-service) on {@code themodel.deal.v1}. */
public sealed interface DealEvent extends DomainEvent
    permits OpportunityOpened,
        TossUpAccepted,
        DealWon,
        TossUpRejected,
        DealLost,
        DealStageChanged,
        TargetSet {
  /** The opportunity (deal) this event is about; null for one about none (a {@link TargetSet}). */
  java.util.UUID opportunityId();
}
