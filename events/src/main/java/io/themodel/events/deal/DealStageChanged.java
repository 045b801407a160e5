package io.themodel.events.deal;

import io.themodel.events.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The deal moved to another stage (E, 1, 2, 3), forwards, backwards or skipping, with the amount,
 * the expected close date, the stage's configured probability in percent (0–100) and the exit
 * conditions the rep checked. {@code from} is null for a deal's first stage.
 */
public record DealStageChanged(
    UUID leadId,
    UUID opportunityId,
    DealStage from,
    DealStage to,
    Money amount,
    LocalDate expectedCloseDate,
    int probability,
    List<ExitCondition> checks,
    String changedBy)
    implements DealEvent {

  public DealStageChanged {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }
}
