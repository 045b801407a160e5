package io.themodel.platform.command;

import io.themodel.events.DomainEvent;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.EventStore;
import io.themodel.platform.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Load, decide, append: folds a stream into its aggregate's state, asks the decider, and appends
 * what it decided at the version it read, in the caller's transaction (so the caller's inline views
 * commit with the events, or neither does).
 */
@ApplicationScoped
public class CommandRunner {

  private final EventStore store;
  private final Clock clock;

  CommandRunner(EventStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public <C, S, E extends DomainEvent> Decision<S> run(
      String streamType,
      String streamId,
      Decider<C, S, E> decider,
      C command,
      EventMetadata metadata) {
    List<StoredEvent> history = store.load(streamId);
    S state = decider.initialState();
    for (StoredEvent stored : history) {
      state = decider.evolve(state, cast(stored.event()));
    }
    List<E> decided = decider.decide(command, state, clock);
    List<StoredEvent> appended =
        store.append(streamId, streamType, history.size(), decided, metadata);
    for (E event : decided) {
      state = decider.evolve(state, event);
    }
    return new Decision<>(state, appended);
  }

  /** The current state of a stream, for queries that need the aggregate rather than a view. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public <S, E extends DomainEvent> S current(String streamId, Decider<?, S, E> decider) {
    S state = decider.initialState();
    for (StoredEvent stored : store.load(streamId)) {
      state = decider.evolve(state, cast(stored.event()));
    }
    return state;
  }

  @SuppressWarnings("unchecked")
  private static <E extends DomainEvent> E cast(DomainEvent event) {
    // A stream holds only its own aggregate's event family.
    return (E) event;
  }
}
