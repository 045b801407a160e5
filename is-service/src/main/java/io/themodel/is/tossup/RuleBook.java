package io.themodel.is.tossup;

import io.themodel.events.is.IsEvent;
import io.themodel.events.is.TossUpRuleVersionActivated;
import io.themodel.events.is.TossUpRuleVersionCreated;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.Decider;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inside Sales' toss-up rule book: versions are written once and never changed; one version at a
 * time is active and decides toss-ups. Before any version is activated the rule version comes from
 * configuration, as it did before the rule book existed.
 */
public final class RuleBook implements Decider<RuleBook.Command, RuleBook.State, IsEvent> {

  /** What Inside Sales can do with its rule book. */
  public sealed interface Command permits CreateVersion, Activate {}

  /** Write a new version (validated; its name must be new). */
  public record CreateVersion(RuleVersion version, String createdBy) implements Command {}

  /** Let this version decide toss-ups from now on. */
  public record Activate(String version, String activatedBy) implements Command {}

  /** The versions in the order they were written, and the active one (null before any). */
  public record State(Map<String, RuleVersion> versions, String active) {

    public Optional<RuleVersion> activeVersion() {
      return Optional.ofNullable(active).map(versions::get);
    }
  }

  @Override
  public State initialState() {
    return new State(Map.of(), null);
  }

  @Override
  public List<IsEvent> decide(Command command, State state, Clock clock) {
    if (command instanceof CreateVersion create) {
      RuleVersion version = create.version().validated();
      if (state.versions().containsKey(version.version())) {
        throw CommandRejected.conflict(
            "toss-up rule version " + version.version() + " exists; versions never change");
      }
      return List.of(
          new TossUpRuleVersionCreated(
              version.version(), version.conditions(), version.exclusions(), create.createdBy()));
    }
    if (command instanceof Activate activate) {
      if (!state.versions().containsKey(activate.version())) {
        throw CommandRejected.notFound("no toss-up rule version " + activate.version());
      }
      if (activate.version().equals(state.active())) {
        return List.of(); // already the active version
      }
      return List.of(new TossUpRuleVersionActivated(activate.version(), activate.activatedBy()));
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  @Override
  public State evolve(State state, IsEvent event) {
    if (event instanceof TossUpRuleVersionCreated created) {
      Map<String, RuleVersion> versions = new LinkedHashMap<>(state.versions());
      versions.put(
          created.version(),
          new RuleVersion(created.version(), created.conditions(), created.exclusions()));
      return new State(Collections.unmodifiableMap(versions), state.active());
    }
    if (event instanceof TossUpRuleVersionActivated activated) {
      return new State(state.versions(), activated.version());
    }
    throw new IllegalArgumentException("not a rule book event: " + event);
  }
}
