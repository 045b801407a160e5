package io.themodel.events.deal;

import io.themodel.events.Money;
import java.util.UUID;

/**
 * The revenue target (KGI) for a period ({@code 2026-Q2} or {@code 2026-04}), for the whole of
 * Field Sales or one team or rep. It is about no lead and no opportunity: both ids are null and the
 * store keys it by its stream.
 */
public record TargetSet(String period, String team, String rep, Money amount, String setBy)
    implements DealEvent {

  @Override
  public UUID leadId() {
    return null;
  }

  @Override
  public UUID opportunityId() {
    return null;
  }
}
