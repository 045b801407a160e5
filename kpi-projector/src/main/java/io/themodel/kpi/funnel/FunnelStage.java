package io.themodel.kpi.funnel;

import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.events.is.CallLogged;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The stages of the cross-department funnel, in journey order, and the events that mark a lead
 * reaching each: nurturing by a nurturing touch or a recycle back to marketing, IS contact by a
 * call that reached the person in charge.
 */
public enum FunnelStage {
  LEAD_CAPTURED(EnumSet.of(EventType.LEAD_CAPTURED)),
  NURTURING(EnumSet.of(EventType.LEAD_TOUCHED, EventType.LEAD_RECYCLED)),
  MQL(EnumSet.of(EventType.MARKETING_QUALIFIED)),
  IS_CONTACT(EnumSet.of(EventType.CALL_LOGGED)),
  TOSSED_UP(EnumSet.of(EventType.TOSSED_UP)),
  VALID_OPPORTUNITY(EnumSet.of(EventType.TOSS_UP_ACCEPTED)),
  WON(EnumSet.of(EventType.DEAL_WON)),
  ONBOARDED(EnumSet.of(EventType.CUSTOMER_ONBOARDED)),
  RENEWED_OR_EXPANDED(EnumSet.of(EventType.RENEWED, EventType.EXPANSION_IDENTIFIED)),
  ADVOCATE(EnumSet.of(EventType.ADVOCATE_MARKED));

  private final Set<EventType> reachedBy;

  FunnelStage(Set<EventType> reachedBy) {
    this.reachedBy = reachedBy;
  }

  /** The stage this event marks the lead as reaching, if it marks one. */
  public static Optional<FunnelStage> reachedBy(DomainEvent event) {
    if (event instanceof CallLogged call && !call.outcome().contacts()) {
      return Optional.empty(); // a call that did not reach the person in charge is no contact
    }
    EventType type = EventType.of(event);
    for (FunnelStage stage : values()) {
      if (stage.reachedBy.contains(type)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
