package io.themodel.platform.command;

import io.themodel.events.DomainEvent;
import java.time.Clock;
import java.util.List;

/**
 * An aggregate as two pure functions over a state record: {@code decide} turns a command into
 * events (or throws {@link CommandRejected}); {@code evolve} folds one event into the state. No
 * framework types, so every aggregate is tested as "given events, when command, then events".
 *
 * @param <C> the aggregate's commands
 * @param <S> its state
 * @param <E> its (sealed) event family
 */
public interface Decider<C, S, E extends DomainEvent> {

  S initialState();

  List<E> decide(C command, S state, Clock clock);

  S evolve(S state, E event);

  /** The state after folding these events from the initial state. */
  default S fold(List<? extends E> events) {
    S state = initialState();
    for (E event : events) {
      state = evolve(state, event);
    }
    return state;
  }
}
