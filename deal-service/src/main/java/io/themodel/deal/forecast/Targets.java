package io.themodel.deal.forecast;

import io.themodel.events.deal.TargetSet;
import io.themodel.platform.command.CommandRunner;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Sets revenue targets and keeps the target view in the same transaction. */
@ApplicationScoped
public class Targets {

  private final CommandRunner runner;
  private final Target target = new Target();

  Targets(CommandRunner runner) {
    this.runner = runner;
  }

  @Transactional
  public TargetView set(Target.Set command, EventMetadata metadata) {
    String streamId = Target.streamId(command.period(), command.team(), command.rep());
    for (StoredEvent stored : runner.run("target", streamId, target, command, metadata).events()) {
      TargetView.apply(streamId, (TargetSet) stored.event(), stored.occurredAt());
    }
    return TargetView.findById(streamId);
  }
}
