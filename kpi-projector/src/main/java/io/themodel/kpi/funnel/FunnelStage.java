package io.themodel.kpi.funnel;

import io.themodel.events.EventType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The stages of the cross-department funnel, in journey order, and the events that mark a lead
 * reaching each. Nurturing and IS contact join when their events exist.
 */
public enum FunnelStage {
  LEAD_CAPTURED(EnumSet.of(EventType.LEAD_CAPTURED)),
  MQL(EnumSet.of(EventType.MARKETING_QUALIFIED)),
  TOSSED_UP(EnumSet.of(EventType.TOSSED_UP)),
  VALID_OPPORTUNITY(EnumSet.of(EventType.TOSS_UP_ACCEPTED)),
  WON(EnumSet.of(EventType.DEAL_WON)),
  ONBOARDED(EnumSet.of(EventType.CUSTOMER_ONBOARDED)),
  RENEWED_OR_EXPANDED(EnumSet.of(EventType.RENEWED, EventType.EXPANSION_IDENTIFIED));

  private final Set<EventType> reachedBy;

  FunnelStage(Set<EventType> reachedBy) {
    this.reachedBy = reachedBy;
  }

  /** The stage an event of this type marks as reached, if it marks one. */
  public static Optional<FunnelStage> reachedBy(EventType type) {
    for (FunnelStage stage : values()) {
      if (stage.reachedBy.contains(type)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
