package io.themodel.is.calllist;

import io.themodel.events.is.BantUpdated;
import io.themodel.events.is.CallListEntered;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.IsStageChanged;
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.is.Qualified;
import io.themodel.events.is.TossUpOverridden;
import io.themodel.events.is.TossedUp;
import io.themodel.is.calls.CallRecord;
import io.themodel.is.qualification.BantCondition;
import io.themodel.is.qualification.QualificationConfig;
import io.themodel.platform.command.CommandRunner;
import io.themodel.platform.command.Decision;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Runs Inside Sales' commands on a prospect and keeps the call list in the same transaction. */
@ApplicationScoped
public class Prospects {

  static final String STREAM_TYPE = "prospect";

  /** The actor of a command no single Inside Sales rep made. */
  public static final String TEAM_ACTOR = "inside-sales";

  private final CommandRunner runner;
  private final Prospect prospect;

  Prospects(CommandRunner runner, QualificationConfig qualification) {
    this.runner = runner;
    this.prospect = new Prospect(new BantCondition(qualification.bantCondition()));
  }

  @Transactional
  public Decision<Prospect.State> execute(
      UUID leadId, Prospect.Command command, EventMetadata metadata) {
    Decision<Prospect.State> decision =
        runner.run(STREAM_TYPE, leadId.toString(), prospect, command, metadata);
    decision.events().forEach(Prospects::project);
    return decision;
  }

  private static void project(StoredEvent stored) {
    if (stored.event() instanceof CallListEntered entered) {
      CallListEntry entry = CallListEntry.findById(entered.leadId());
      if (entry == null) {
        entry = new CallListEntry();
        entry.entered(entered, stored.occurredAt());
        entry.persist();
      } else {
        entry.entered(entered, stored.occurredAt());
      }
    } else if (stored.event() instanceof CallLogged called) {
      entry(called.leadId()).called(called, stored.occurredAt());
      CallRecord.of(stored.eventId(), called, stored.occurredAt()).persist();
    } else if (stored.event() instanceof IsStageChanged changed) {
      entry(changed.leadId()).stage = changed.to();
    } else if (stored.event() instanceof BantUpdated updated) {
      entry(updated.leadId()).bantUpdated(updated);
    } else if (stored.event() instanceof Qualified qualified) {
      entry(qualified.leadId()).qualifiedAt = stored.occurredAt();
    } else if (stored.event() instanceof ProspectProfiled profiled) {
      entry(profiled.leadId()).profiled(profiled);
    } else if (stored.event() instanceof TossUpOverridden) {
      // the toss-up beside it updates the entry; the override is read from the log
    } else if (stored.event() instanceof Disqualified disqualified) {
      entry(disqualified.leadId()).disqualified(disqualified, stored.occurredAt());
    } else if (stored.event() instanceof TossedUp tossedUp) {
      String actor = stored.metadata().actor();
      entry(tossedUp.leadId())
          .tossedUp(tossedUp, stored.occurredAt(), TEAM_ACTOR.equals(actor) ? null : actor);
    } else {
      throw new IllegalStateException("not an IS event: " + stored.type());
    }
  }

  private static CallListEntry entry(UUID leadId) {
    return CallListEntry.<CallListEntry>findByIdOptional(leadId).orElseThrow();
  }
}
