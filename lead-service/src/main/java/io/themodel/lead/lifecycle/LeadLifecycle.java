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
import io.themodel.events.lead.LeadsMerged;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
      permits Capture,
          Touch,
          Qualify,
          Exclude,
          Reinclude,
          RecordActivity,
          Decay,
          Recycle,
          Profile,
          MergeInto,
          Absorb {}

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
      Exclusion exclusion,
      CompanyProfile profile)
      implements Command {}

  /** What is known of the lead's company for fit scoring; either fact may be null (unknown). */
  public record CompanyProfile(Integer employees, String industry) {

    public static final CompanyProfile UNKNOWN = new CompanyProfile(null, null);
  }

  /**
   * The lead's company profile became known or changed (Inside Sales profiled it): fit by company
   * size and industry moves to what the configuration gives the new profile. Unknown facts leave
   * their fit as it is.
   */
  public record Profile(CompanyProfile profile) implements Command {}

  /**
   * A person merges this lead (the absorbed one) into {@code survivorLeadId}, the same person: this
   * lead leaves the funnel for good.
   */
  public record MergeInto(UUID survivorLeadId, UUID survivorCompanyId, String by, String note)
      implements Command {}

  /**
   * The survivor side of a merge: the absorbed lead's score folds in. The merged lead is as warm as
   * its warmer half (the higher score), so neither the fit nor the same person's interest counts
   * twice.
   */
  public record Absorb(UUID absorbedLeadId, int absorbedScore) implements Command {}

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
    NURTURING,
    /** Merged into another lead (its survivor): out of the funnel, every command refused. */
    MERGED
  }

  /**
   * What deciding needs to know about a lead; {@code fit} holds the points each fit signal
   * (FIT_COMPANY_SIZE, FIT_INDUSTRY) has added so far, {@code mergedInto} the survivor of a merged
   * lead.
   */
  public record State(
      UUID leadId,
      Stage stage,
      LeadSource source,
      boolean excluded,
      Set<UUID> touches,
      int score,
      Map<String, Integer> fit,
      UUID mergedInto) {

    public State {
      touches = Set.copyOf(touches);
      fit = Map.copyOf(fit);
    }

    State withStage(Stage next) {
      return new State(leadId, next, source, excluded, touches, score, fit, mergedInto);
    }

    State withExcluded(boolean next) {
      return new State(leadId, stage, source, next, touches, score, fit, mergedInto);
    }

    State withTouch(UUID touchId) {
      Set<UUID> next = new HashSet<>(touches);
      next.add(touchId);
      return new State(leadId, stage, source, excluded, next, score, fit, mergedInto);
    }

    State withScore(LeadScored scored) {
      Map<String, Integer> nextFit = fit;
      if (FIT_SIGNALS.contains(scored.reason())) {
        nextFit = new HashMap<>(fit);
        nextFit.merge(scored.reason(), scored.delta(), Integer::sum);
      }
      return new State(
          leadId, stage, source, excluded, touches, scored.score(), nextFit, mergedInto);
    }

    State merged(UUID survivor) {
      return new State(leadId, Stage.MERGED, source, excluded, touches, score, fit, survivor);
    }

    int fit(String signal) {
      return fit.getOrDefault(signal, 0);
    }
  }

  static final String FIT_COMPANY_SIZE = "FIT_COMPANY_SIZE";
  static final String FIT_INDUSTRY = "FIT_INDUSTRY";
  private static final Set<String> FIT_SIGNALS = Set.of(FIT_COMPANY_SIZE, FIT_INDUSTRY);

  private final FollowUpSchedule followUps;
  private final ScoringRules scoring;

  public LeadLifecycle(FollowUpSchedule followUps, ScoringRules scoring) {
    this.followUps = followUps;
    this.scoring = scoring;
  }

  @Override
  public State initialState() {
    return new State(null, Stage.NONE, null, false, Set.of(), 0, Map.of(), null);
  }

  @Override
  public List<LeadEvent> decide(Command command, State state, Clock clock) {
    if (command instanceof Capture capture) {
      return capture(capture, state, clock);
    }
    if (command instanceof MergeInto merge) {
      return mergeInto(merge, state);
    }
    if (state.stage() == Stage.MERGED) {
      throw CommandRejected.conflict(
          "leadId",
          "the lead was merged into lead "
              + state.mergedInto()
              + "; send this to the surviving lead instead");
    }
    if (command instanceof Absorb absorb) {
      requireLead(state);
      return score(state, Math.max(0, absorb.absorbedScore() - state.score()), MERGE_REASON, clock);
    }
    if (command instanceof Profile profile) {
      requireLead(state);
      return profile(profile.profile(), state, clock);
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
    if (capture.profile() != null) {
      events.addAll(profile(capture.profile(), fold(events), clock));
    }
    return events;
  }

  /** The reason of the survivor's {@code LeadScored} when a merge raised its score. */
  static final String MERGE_REASON = "MERGE";

  /**
   * Fit by company size and industry: each known fact moves its signal's points to what the
   * configuration gives it now (a re-profiled company that shrank loses the difference).
   */
  private List<LeadEvent> profile(CompanyProfile profile, State state, Clock clock) {
    List<LeadEvent> events = new ArrayList<>();
    State current = state;
    if (profile.employees() != null) {
      int target = scoring.fitCompanySize(profile.employees());
      List<LeadEvent> sized =
          score(current, target - current.fit(FIT_COMPANY_SIZE), FIT_COMPANY_SIZE, clock);
      events.addAll(sized);
      current = foldOnto(current, sized);
    }
    if (profile.industry() != null && !profile.industry().isBlank()) {
      int target = scoring.fitIndustry(profile.industry());
      events.addAll(score(current, target - current.fit(FIT_INDUSTRY), FIT_INDUSTRY, clock));
    }
    return events;
  }

  private State foldOnto(State state, List<LeadEvent> events) {
    State next = state;
    for (LeadEvent event : events) {
      next = evolve(next, event);
    }
    return next;
  }

  private static List<LeadEvent> mergeInto(MergeInto merge, State state) {
    if (state.stage() == Stage.NONE) {
      throw CommandRejected.notFound("absorbedLeadId", "no such lead to merge");
    }
    if (state.stage() == Stage.MERGED) {
      throw CommandRejected.conflict(
          "absorbedLeadId",
          "lead " + state.leadId() + " was already merged into lead " + state.mergedInto());
    }
    if (state.leadId().equals(merge.survivorLeadId())) {
      throw CommandRejected.unprocessable("absorbedLeadId", "a lead cannot be merged into itself");
    }
    return List.of(
        new LeadsMerged(
            state.leadId(),
            merge.survivorLeadId(),
            merge.survivorCompanyId(),
            merge.by(),
            merge.note()));
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
      return new State(
          captured.leadId(), Stage.CAPTURED, captured.source(), false, Set.of(), 0, Map.of(), null);
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
      return state.withScore(scored);
    }
    if (event instanceof LeadsMerged merged) {
      return state.merged(merged.survivorLeadId());
    }
    throw new IllegalArgumentException("unknown lead event " + event);
  }
}
