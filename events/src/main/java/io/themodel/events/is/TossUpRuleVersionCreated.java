package io.themodel.events.is;

import java.util.List;
import java.util.UUID;

/**
 * A version of Inside Sales' toss-up rule book was written: the conditions a lead must meet and the
 * exclusion conditions that stop it. About no single lead: keyed by the rule book's stream.
 */
public record TossUpRuleVersionCreated(
    String version,
    List<TossUpCondition> conditions,
    List<TossUpCondition> exclusions,
    String createdBy)
    implements IsEvent {

  @Override
  public UUID leadId() {
    return null;
  }
}
