package io.themodel.lead.lifecycle;

import io.themodel.events.lead.CompanyResolved;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadEvent;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadReincluded;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.lead.ScoreBand;
import io.themodel.lead.exclusion.Exclusion;
import io.themodel.lead.identity.CompanyResolution;
import io.themodel.lead.scoring.ActivityType;
import io.themodel.lead.scoring.ScoringRules;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.Decider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A lead in Marketing's hands: captured (its company resolved in the golden master, split off if an
 * exclusion rule matches), touched again by later sources, then qualified as an MQL and handed to
 * Inside Sales.
 */
public final class LeadLifecycle
    implements Decider<LeadLifecycle.Command, LeadLifecycle.State, LeadEvent> {

  /** What Marketing can do with a lead. */
  public sealed interface Command
      permits Capture, Touch, Qualify, Exclude, Reinclude, RecordActivity, Decay, Recycle {}

  /**
   * Capture a new lead, with its company as the golden master resolved it and the exclusion rule
   * that matched at capture (or null).
   */
  public record Capture(
      UUID leadId,
      LeadSource source,
      String campaign,
      Person person,
      String companyName,
      boolean consent,
      CompanyResolution company,
      Exclusion exclusion)
      implements Command {}

  /** The known lead came in again; {@code touchId} makes a retried delivery count once. */
  public record Touch(UUID touchId, LeadSource source, String campaign) implements Command {}

  public record Qualify(ScoreBand band) implements Command {}

  /** Split the lead off the marketing targets later than capture. */
  public record Exclude(Exclusion exclusion) implements Command {}

  /** A person takes an excluded lead back. */
  public record Reinclude(String by, String note) implements Command {}

  /** Behaviour to score: {@code count} times the activity's weight. */
  public record RecordActivity(ActivityType type, int count) implements Command {}

  /** The score fades by {@code points} (never below zero). */
  public record Decay(int points) implements Command {}

  /**
   * Another department sent the lead back to nurturing (Recycle A, B or win-back); with {@code
   * resetScore} its score starts again from zero.
   */
  public record Recycle(
      RecycleKind kind, UUID causeEventId, String causeType, String reason, boolean resetScore)
      implements Command {}

  /** Where the lead stands in Marketing's part of the journey. */
  public enum Stage {
    NONE,
    CAPTURED,
    MQL,
    NURTURING
  }

  /** What deciding needs to know about a lead. */
  public record State(
      UUID leadId, Stage stage, LeadSource source, boolean excluded, Set<UUID> touches, int score) {

    public State {
      touches = Set.copyOf(touches);
    }

    State withStage(Stage next) {
      return new State(leadId, next, source, excluded, touches, score);
    }

    State withExcluded(boolean next) {
      return new State(leadId, stage, source, next, touches, score);
    }

    State withTouch(UUID touchId) {
      Set<UUID> next = new HashSet<>(touches);
      next.add(touchId);
      return new State(leadId, stage, source, excluded, next, score);
    }

    State withScore(int next) {
      return new State(leadId, stage, source, excluded, touches, next);
    }
  }

  private final FollowUpSchedule followUps;
  private final ScoringRules scoring;

  public LeadLifecycle(FollowUpSchedule followUps, ScoringRules scoring) {
    this.followUps = followUps;
    this.scoring = scoring;
  }

  @Override
  public State initialState() {
    return new State(null, Stage.NONE, null, false, Set.of(), 0);
  }

  @Override
  public List<LeadEvent> decide(Command command, State state, Clock clock) {
    if (command instanceof Capture capture) {
      return capture(capture, state, clock);
    }
    if (command instanceof Touch touch) {
      return touch(touch, state);
    }
    if (command instanceof Qualify qualify) {
      return qualify(qualify, state, clock);
    }
    if (command instanceof Exclude exclude) {
      return exclude(exclude, state);
    }
    if (command instanceof Reinclude reinclude) {
      return reinclude(reinclude, state);
    }
    if (command instanceof RecordActivity activity) {
      requireLead(state);
      if (activity.count() < 1) {
        throw CommandRejected.unprocessable("count", "an activity happens at least once");
      }
      return score(
          state, scoring.weight(activity.type()) * activity.count(), activity.type().name(), clock);
    }
    if (command instanceof Decay decay) {
      requireLead(state);
      return score(state, -decay.points(), "DECAY", clock);
    }
    if (command instanceof Recycle recycle) {
      return recycle(recycle, state);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private List<LeadEvent> capture(Capture capture, State state, Clock clock) {
    if (state.stage() != Stage.NONE) {
      return List.of(); // the same capture re-sent (same Idempotency-Key): nothing new happened
    }
    List<LeadEvent> events = new ArrayList<>();
    events.add(
        new LeadCaptured(
            capture.leadId(),
            capture.source(),
            capture.campaign(),
            capture.person(),
            capture.companyName(),
            capture.consent()));
    CompanyResolution company = capture.company();
    events.add(
        new CompanyResolved(
            capture.leadId(), company.companyId(), company.normalisedKey(), company.match()));
    if (capture.exclusion() != null) {
      events.add(
          new LeadExcluded(
              capture.leadId(), capture.exclusion().reason(), capture.exclusion().detail()));
    }
    events.addAll(score(fold(events), scoring.fit(capture.person().title()), "FIT_ROLE", clock));
    return events;
  }

  /**
   * The score moves by {@code delta} (never below zero); a rise into the hand-off band makes a lead
   * that is a target and not yet an MQL one, due for follow-up by its source.
   */
  private List<LeadEvent> score(State state, int delta, String reason, Clock clock) {
    int score = Math.max(0, state.score() + delta);
    int moved = score - state.score();
    if (moved == 0) {
      return List.of();
    }
    ScoreBand band = scoring.band(score);
    List<LeadEvent> events = new ArrayList<>();
    events.add(new LeadScored(state.leadId(), moved, score, reason, band));
    if (moved > 0 && state.stage() != Stage.MQL && !state.excluded() && scoring.handsOff(band)) {
      events.add(mql(state, band, clock));
    }
    return events;
  }

  private MarketingQualified mql(State state, ScoreBand band, Clock clock) {
    FollowUpSchedule.FollowUp followUp = followUps.forSource(state.source());
    return new MarketingQualified(
        state.leadId(),
        band,
        state.source(),
        clock.instant().plus(followUp.delay()),
        followUp.priority());
  }

  private List<LeadEvent> recycle(Recycle recycle, State state) {
    requireLead(state);
    List<LeadEvent> events = new ArrayList<>();
    events.add(
        new LeadRecycled(
            state.leadId(),
            recycle.kind(),
            recycle.causeEventId(),
            recycle.causeType(),
            recycle.reason()));
    if (recycle.resetScore() && state.score() > 0) {
      events.add(
          new LeadScored(state.leadId(), -state.score(), 0, "RECYCLE_RESET", ScoreBand.LEAD));
    }
    return events;
  }

  private static List<LeadEvent> touch(Touch touch, State state) {
    requireLead(state);
    if (state.touches().contains(touch.touchId())) {
      return List.of(); // the same touch re-sent
    }
    return List.of(
        new LeadTouched(state.leadId(), touch.touchId(), touch.source(), touch.campaign()));
  }

  private List<LeadEvent> qualify(Qualify qualify, State state, Clock clock) {
    requireLead(state);
    if (state.stage() == Stage.MQL) {
      throw CommandRejected.conflict("the lead is already an MQL");
    }
    if (state.excluded()) {
      throw CommandRejected.conflict(
          "the lead is excluded from the marketing targets; re-include it first");
    }
    if (qualify.band() == ScoreBand.LEAD) {
      throw CommandRejected.unprocessable(
          "band", "an MQL's band must be MQL_LOW, MQL_HIGH or SQL, not LEAD");
    }
    return List.of(mql(state, qualify.band(), clock));
  }

  private static List<LeadEvent> exclude(Exclude exclude, State state) {
    requireLead(state);
    if (state.excluded()) {
      throw CommandRejected.conflict("the lead is already excluded");
    }
    if (state.stage() == Stage.MQL) {
      throw CommandRejected.conflict(
          "the lead is an MQL in Inside Sales' hands; it can be excluded once recycled");
    }
    return List.of(
        new LeadExcluded(
            state.leadId(), exclude.exclusion().reason(), exclude.exclusion().detail()));
  }

  private static List<LeadEvent> reinclude(Reinclude reinclude, State state) {
    requireLead(state);
    if (!state.excluded()) {
      throw CommandRejected.conflict("the lead is not excluded");
    }
    return List.of(new LeadReincluded(state.leadId(), reinclude.by(), reinclude.note()));
  }

  private static void requireLead(State state) {
    if (state.stage() == Stage.NONE) {
      throw CommandRejected.notFound("no such lead");
    }
  }

  @Override
  public State evolve(State state, LeadEvent event) {
    if (event instanceof LeadCaptured captured) {
      return new State(captured.leadId(), Stage.CAPTURED, captured.source(), false, Set.of(), 0);
    }
    if (event instanceof CompanyResolved) {
      return state;
    }
    if (event instanceof LeadTouched touched) {
      return state.withTouch(touched.touchId());
    }
    if (event instanceof MarketingQualified) {
      return state.withStage(Stage.MQL);
    }
    if (event instanceof LeadExcluded) {
      return state.withExcluded(true);
    }
    if (event instanceof LeadReincluded) {
      return state.withExcluded(false);
    }
    if (event instanceof LeadRecycled) {
      return state.withStage(Stage.NURTURING);
    }
    if (event instanceof LeadScored scored) {
      return state.withScore(scored.score());
    }
    throw new IllegalArgumentException("unknown lead event " + event);
  }
}
