package io.themodel.events.success;

import java.time.LocalDate;
import java.util.UUID;

/** The daily health score of a customer, its band and the components it was weighted from. */
public record HealthScored(
    UUID leadId, UUID accountId, LocalDate day, int score, HealthBand band, Components components)
    implements SuccessEvent {

  /** Each component scored 0–100 over the configured window. */
  public record Components(int usage, int engagement, int support, int nps) {}
}
