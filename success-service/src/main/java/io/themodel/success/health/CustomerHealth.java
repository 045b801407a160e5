package io.themodel.success.health;

import io.themodel.events.success.ChurnRiskDetected;
import io.themodel.events.success.ChurnRiskRecovered;
import io.themodel.events.success.ChurnSignal;
import io.themodel.events.success.HealthScored;
import io.themodel.events.success.SuccessEvent;
import io.themodel.platform.command.Decider;
import io.themodel.success.health.HealthScoring.Account;
import io.themodel.success.health.HealthScoring.DayUsage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One customer's health over time (stream {@code health-<accountId>}): scored at most once a day,
 * remembering which churn signals fired last so that a risk is detected once and recovery is seen.
 */
public final class CustomerHealth
    implements Decider<CustomerHealth.Score, CustomerHealth.State, SuccessEvent> {

  /** Score the account on {@code day} from its usage, under {@code policy}. */
  public record Score(
      HealthPolicy policy, Account account, Map<LocalDate, DayUsage> usage, LocalDate day) {}

  /** The last day scored and the signals then firing (empty: not at risk). */
  public record State(LocalDate lastScored, List<ChurnSignal> riskSignals) {}

  @Override
  public State initialState() {
    return new State(null, List.of());
  }

  @Override
  public List<SuccessEvent> decide(Score score, State state, Clock clock) {
    if (state.lastScored() != null && !score.day().isAfter(state.lastScored())) {
      return List.of(); // scored already: the job ran twice, or was re-run
    }
    Account account = score.account();
    return HealthScoring.decide(
        score.policy(),
        new Account(
            account.leadId(),
            account.accountId(),
            account.openedOn(),
            account.contractEnd(),
            state.riskSignals()),
        score.usage(),
        score.day());
  }

  @Override
  public State evolve(State state, SuccessEvent event) {
    if (event instanceof HealthScored scored) {
      return new State(scored.day(), state.riskSignals());
    }
    if (event instanceof ChurnRiskDetected detected) {
      return new State(state.lastScored(), detected.signals());
    }
    if (event instanceof ChurnRiskRecovered) {
      return new State(state.lastScored(), List.of());
    }
    throw new IllegalArgumentException("not a health event: " + event);
  }
}
