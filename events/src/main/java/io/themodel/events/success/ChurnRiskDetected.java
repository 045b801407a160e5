package io.themodel.events.success;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The customer is at risk of churning: the signals that fired on this day's scoring. */
public record ChurnRiskDetected(
    UUID leadId, UUID accountId, LocalDate day, int score, List<ChurnSignal> signals)
    implements SuccessEvent {

  public ChurnRiskDetected {
    signals = List.copyOf(signals);
  }
}
