package io.themodel.deal.forecast;

import io.themodel.events.Money;
import io.themodel.events.deal.DealEvent;
import io.themodel.events.deal.TargetSet;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.Decider;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * The revenue target of one period for all of Field Sales, a team or a rep. Setting the same amount
 * again changes nothing; a new amount replaces the old one.
 */
public final class Target implements Decider<Target.Set, Target.State, DealEvent> {

  /** Set the target of a period (team and rep are null for all of Field Sales). */
  public record Set(String period, String team, String rep, Money amount, String setBy) {}

  /** The current target, or null before one is set. */
  public record State(Money amount) {}

  /** One stream per period and scope. */
  public static String streamId(String period, String team, String rep) {
    return "target:" + period + ":" + (team == null ? "" : team) + ":" + (rep == null ? "" : rep);
  }

  @Override
  public State initialState() {
    return new State(null);
  }

  @Override
  public List<DealEvent> decide(Set command, State state, Clock clock) {
    if (command.amount().amount().compareTo(BigDecimal.ZERO) <= 0) {
      throw CommandRejected.unprocessable("amount", "a revenue target must be positive");
    }
    Money current = state.amount();
    if (current != null
        && current.currency().equals(command.amount().currency())
        && current.amount().compareTo(command.amount().amount()) == 0) {
      return List.of();
    }
    return List.of(
        new TargetSet(
            command.period(), command.team(), command.rep(), command.amount(), command.setBy()));
  }

  @Override
  public State evolve(State state, DealEvent event) {
    if (event instanceof TargetSet set) {
      return new State(set.amount());
    }
    throw new IllegalArgumentException("not a target event " + event);
  }
}
