package io.themodel.is.calllist;

import io.themodel.events.Money;
import io.themodel.events.is.BantUpdated;
import io.themodel.events.is.CallListEntered;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.IsEvent;
import io.themodel.events.is.IsStage;
import io.themodel.events.is.IsStageChanged;
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.is.Qualified;
import io.themodel.events.is.TossUpOverridden;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.LeadSource;
import io.themodel.is.qualification.Bant;
import io.themodel.is.qualification.BantCondition;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.Decider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A lead in Inside Sales' hands: on the call list, called and qualified through stages A–E, until
 * it is tossed up to field sales or disqualified (Recycle A). A disqualified lead that Marketing
 * qualifies again starts a new round on the call list.
 */
public final class Prospect implements Decider<Prospect.Command, Prospect.State, IsEvent> {

  /** What Inside Sales can do with a prospect. */
  public sealed interface Command
      permits EnterCallList, LogCall, UpdateBant, ProfileCompany, Disqualify, TossUp {}

  /** An MQL arrived from Marketing. */
  public record EnterCallList(UUID leadId, LeadSource source, Instant dueAt, int priority)
      implements Command {}

  /** A rep called the prospect; {@code currentEnvironment} only when the person in charge said. */
  public record LogCall(CallOutcome outcome, String rep, String currentEnvironment, String note)
      implements Command {}

  /** A rep recorded the whole BANT as it stands now. */
  public record UpdateBant(Bant bant, String note, String rep) implements Command {}

  /** A rep recorded what is known of the lead's company (unknown facts are null). */
  public record ProfileCompany(CompanyProfile profile, String rep) implements Command {}

  /** The company facts the toss-up rules test. */
  public record CompanyProfile(
      Money annualRevenue, Integer employees, String industry, LocalDate plannedStart) {

    public static final CompanyProfile UNKNOWN = new CompanyProfile(null, null, null, null);

    static CompanyProfile of(ProspectProfiled profiled) {
      return new CompanyProfile(
          profiled.annualRevenue(),
          profiled.employees(),
          profiled.industry(),
          profiled.plannedStart());
    }
  }

  /** Not an opportunity now: back to Marketing's nurturing (Recycle A). */
  public record Disqualify(String reason, String rep) implements Command {}

  /**
   * Hand the prospect to a field sales rep under a toss-up rule version. {@code failedConditions}
   * are what the active rule version found wrong (empty when it passed or no version is active); a
   * toss-up against them needs an {@code overrideReason}.
   */
  public record TossUp(
      UUID tossUpId,
      String ruleVersion,
      String handoffComment,
      String assignedRep,
      List<String> failedConditions,
      String overrideReason)
      implements Command {

    /** A toss-up no rule stands against. */
    public TossUp(UUID tossUpId, String ruleVersion, String handoffComment, String assignedRep) {
      this(tossUpId, ruleVersion, handoffComment, assignedRep, List.of(), null);
    }
  }

  /** Where the prospect stands in Inside Sales. */
  public enum Status {
    NONE,
    ON_CALL_LIST,
    TOSSED_UP,
    DISQUALIFIED
  }

  public record State(
      UUID leadId,
      Status status,
      IsStage stage,
      StageTable.Progress progress,
      Bant bant,
      boolean qualified,
      CompanyProfile profile) {

    State with(Status newStatus) {
      return new State(leadId, newStatus, stage, progress, bant, qualified, profile);
    }

    State with(StageTable.Progress newProgress) {
      return new State(leadId, status, stage, newProgress, bant, qualified, profile);
    }

    State with(Bant newBant) {
      return new State(
          leadId, status, stage, progress.withNeed(newBant.need()), newBant, qualified, profile);
    }

    State with(IsStage newStage) {
      return new State(leadId, status, newStage, progress, bant, qualified, profile);
    }

    State with(CompanyProfile newProfile) {
      return new State(leadId, status, stage, progress, bant, qualified, newProfile);
    }

    State qualifiedNow() {
      return new State(leadId, status, stage, progress, bant, true, profile);
    }
  }

  private final BantCondition qualification;

  public Prospect(BantCondition qualification) {
    this.qualification = qualification;
  }

  @Override
  public State initialState() {
    return new State(
        null,
        Status.NONE,
        null,
        StageTable.Progress.NONE,
        Bant.NOTHING_KNOWN,
        false,
        CompanyProfile.UNKNOWN);
  }

  @Override
  public List<IsEvent> decide(Command command, State state, Clock clock) {
    if (command instanceof EnterCallList enter) {
      if (state.status() != Status.NONE && state.status() != Status.DISQUALIFIED) {
        return List.of(); // already with Inside Sales, or with field sales
      }
      return List.of(
          new CallListEntered(enter.leadId(), enter.source(), enter.dueAt(), enter.priority()));
    }
    if (command instanceof LogCall call) {
      requireOnCallList(state);
      boolean heard = call.currentEnvironment() != null && !call.currentEnvironment().isBlank();
      if (heard && !call.outcome().contacts()) {
        throw CommandRejected.unprocessable(
            "currentEnvironment",
            "the current environment is heard from the person in charge: log it with outcome "
                + CallOutcome.CONTACTED_KEY_PERSON);
      }
      StageTable.Progress now = state.progress().afterCall(call.outcome(), heard);
      List<IsEvent> events = new ArrayList<>();
      events.add(
          new CallLogged(
              state.leadId(),
              call.outcome(),
              call.rep(),
              heard ? call.currentEnvironment() : null,
              blankToNull(call.note())));
      stageChange(state, now).ifPresent(events::add);
      return events;
    }
    if (command instanceof UpdateBant update) {
      requireOnCallList(state);
      if (update.bant().equals(state.bant())) {
        return List.of(); // the same BANT recorded again
      }
      Bant bant = update.bant();
      StageTable.Progress now = state.progress().withNeed(bant.need());
      List<IsEvent> events = new ArrayList<>();
      events.add(
          new BantUpdated(
              state.leadId(),
              bant.budget(),
              bant.authority(),
              bant.need(),
              bant.timeline(),
              blankToNull(update.note()),
              update.rep()));
      stageChange(state, now).ifPresent(events::add);
      if (!state.qualified() && qualification.holdsFor(bant)) {
        events.add(new Qualified(state.leadId(), qualification.describe(), update.rep()));
      }
      return events;
    }
    if (command instanceof ProfileCompany profile) {
      requireOnCallList(state);
      CompanyProfile company = profile.profile();
      if (company.equals(state.profile())) {
        return List.of(); // nothing new learned
      }
      return List.of(
          new ProspectProfiled(
              state.leadId(),
              company.annualRevenue(),
              company.employees(),
              blankToNull(company.industry()),
              company.plannedStart(),
              profile.rep()));
    }
    if (command instanceof Disqualify disqualify) {
      requireOnCallList(state);
      return List.of(new Disqualified(state.leadId(), disqualify.reason(), disqualify.rep()));
    }
    if (command instanceof TossUp tossUp) {
      requireOnCallList(state);
      TossedUp tossedUp =
          new TossedUp(
              state.leadId(),
              tossUp.tossUpId(),
              tossUp.ruleVersion(),
              tossUp.handoffComment(),
              tossUp.assignedRep());
      if (tossUp.failedConditions().isEmpty()) {
        return List.of(tossedUp);
      }
      String reason = blankToNull(tossUp.overrideReason());
      if (reason == null) {
        throw CommandRejected.unprocessable(
            "overrideReason",
            "the lead fails toss-up rule version "
                + tossUp.ruleVersion()
                + " ("
                + String.join("; ", tossUp.failedConditions())
                + "): a toss-up against the rules needs an overrideReason");
      }
      return List.of(
          tossedUp,
          new TossUpOverridden(
              state.leadId(),
              tossUp.tossUpId(),
              tossUp.ruleVersion(),
              tossUp.failedConditions(),
              reason,
              tossUp.assignedRep()));
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private static Optional<IsEvent> stageChange(State state, StageTable.Progress now) {
    IsStage to = StageTable.stageOf(now);
    return to == state.stage()
        ? Optional.empty()
        : Optional.of(new IsStageChanged(state.leadId(), state.stage(), to));
  }

  private static void requireOnCallList(State state) {
    switch (state.status()) {
      case NONE -> throw CommandRejected.notFound("the lead is not on the call list");
      case TOSSED_UP -> throw CommandRejected.conflict("the lead was already tossed up");
      case DISQUALIFIED ->
          throw CommandRejected.conflict(
              "the lead was disqualified and went back to nurturing (Recycle A)");
      case ON_CALL_LIST -> {}
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  @Override
  public State evolve(State state, IsEvent event) {
    if (event instanceof CallListEntered entered) {
      // Every round on the call list starts at stage A; the company is still the same company.
      return new State(
          entered.leadId(),
          Status.ON_CALL_LIST,
          IsStage.A,
          StageTable.Progress.NONE,
          Bant.NOTHING_KNOWN,
          false,
          state.profile());
    }
    if (event instanceof CallLogged call) {
      return state.with(
          state.progress().afterCall(call.outcome(), call.currentEnvironment() != null));
    }
    if (event instanceof BantUpdated updated) {
      return state.with(Bant.of(updated));
    }
    if (event instanceof IsStageChanged changed) {
      return state.with(changed.to());
    }
    if (event instanceof Qualified) {
      return state.qualifiedNow();
    }
    if (event instanceof ProspectProfiled profiled) {
      return state.with(CompanyProfile.of(profiled));
    }
    if (event instanceof TossUpOverridden) {
      return state;
    }
    if (event instanceof Disqualified) {
      return state.with(Status.DISQUALIFIED);
    }
    if (event instanceof TossedUp) {
      return state.with(Status.TOSSED_UP);
    }
    throw new IllegalArgumentException("unknown IS event " + event);
  }
}
