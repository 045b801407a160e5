package io.themodel.dev.simulation;

import io.themodel.dev.simulation.SimulationConfig.Range;
import io.themodel.events.lead.LeadSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulated company's decisions, day by day: which leads arrive, which marketing qualifies,
 * whom inside sales calls and with what outcome, which toss-ups field sales accepts, wins or loses,
 * which customers renew, churn, expand or refer. Pure: it plans {@link Action}s from the
 * configuration, the seed and its own state, never from the platform's answers, so the same seed
 * plans the same actions and the same {@link Tally}.
 */
public final class Simulation {

  private static final int LEAD = 0;
  private static final int MQL = 1;
  private static final int TOSSED_UP = 2;
  private static final int VALID = 3;
  private static final int WON = 4;
  private static final int ONBOARDED = 5;
  private static final int RENEWED_OR_EXPANDED = 6;
  private static final double WORKING_DAYS_PER_MONTH = 21.7;
  private static final int NURTURE_POINTS_CAP = 25;
  private static final int NURTURE_DAYS = 60;
  private static final int RAMP_MONTHS = 4;

  /** Where a journey stands in the simulation. */
  private enum Phase {
    NURTURING,
    PENDING_EXCLUSION,
    ON_CALL_LIST,
    AWAITING_ANSWER,
    DEAL,
    CUSTOMER,
    DONE
  }

  /** One journey's state and its next planned steps. */
  private static final class Journey {
    final int id;
    final LeadSource source;
    Phase phase = Phase.NURTURING;
    LocalDate next;
    LocalDate mqlOn;
    LocalDate nurtureUntil;
    int nurturePoints;
    int attempts;
    String fsRep;
    boolean willWin;
    LocalDate stageE;
    LocalDate stage1;
    LocalDate stage2;
    LocalDate closeOn;
    BigDecimal amount;
    int termMonths;
    LocalDate contractEnd;
    LocalDate customerSince;
    int seats;
    int expansions;
    final List<Action.WinExpansion> expansionsToWin = new ArrayList<>();
    boolean advocate;
    boolean stageEDone;
    boolean stage1Done;
    boolean stage2Done;
    boolean onboardingReviewed;

    Journey(int id, LeadSource source) {
      this.id = id;
      this.source = source;
    }
  }

  private final SimulationConfig config;
  private final Random random;
  private final List<Journey> journeys = new ArrayList<>();
  private final Map<String, Integer> openDeals = new java.util.LinkedHashMap<>();
  private final Tally tally = new Tally();
  private final BigDecimal monthlyTarget;
  private LocalDate firstDay;
  private YearMonth lastTargetMonth;

  /**
   * Feedback has a random generator of its own (from the same seed), so that giving feedback or not
   * never changes the funnel a seed plans.
   */
  private final Random feedbackRandom;

  /**
   * Whether field sales wins an expansion is drawn from a generator of its own too, so winning
   * expansions never changes what the rest of a seed plans.
   */
  private final Random expansionRandom;

  /**
   * Field Sales' handover of the expectations set in the sale to Customer Success draws from its
   * own generator too, so the other feedback a seed plans stays as it was before this direction
   * existed.
   */
  private final Random handoverRandom;

  private final List<Response> responses = new ArrayList<>();
  private int feedbackGiven;
  private YearMonth lastCampaignReview;

  /** A receiver's planned acknowledgement or action on feedback, due on a day. */
  private record Response(LocalDate due, Action action, String from, String to) {}

  public Simulation(SimulationConfig config, long seed) {
    this.config = config;
    this.random = new Random(seed);
    this.feedbackRandom = new Random(seed * 0x9E3779B97F4A7C15L + 0x5EEDL);
    this.expansionRandom = new Random(seed * 0xC2B2AE3D27D4EB4FL + 0xE4AL);
    this.handoverRandom = new Random(seed * 0x165667B19E3779F9L + 0x4A4DL);
    this.monthlyTarget = config.monthlyTarget();
    for (String rep : config.fsReps) {
      openDeals.put(rep, 0);
    }
  }

  public Tally tally() {
    return tally;
  }

  /** Whether the simulated company works on this day (Monday to Friday). */
  public static boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The actions of one working day, in the order they happen; days must come in order. */
  public List<Action> planDay(LocalDate day) {
    if (firstDay == null) {
      firstDay = day;
    }
    List<Action> actions = new ArrayList<>();
    setTarget(day, actions);
    respondToFeedback(day, actions);
    reviewCampaigns(day, actions);
    capture(day, actions);
    for (int i = 0; i < journeys.size(); i++) {
      Journey journey = journeys.get(i);
      if (journey.next != null && !journey.next.isAfter(day)) {
        step(journey, day, actions);
      }
    }
    callList(day, actions);
    usage(day, actions);
    return actions;
  }

  private void setTarget(LocalDate day, List<Action> actions) {
    YearMonth month = YearMonth.from(day);
    if (month.equals(lastTargetMonth)) {
      return;
    }
    lastTargetMonth = month;
    // A new team ramps up: the pipeline takes months to fill, and so does the target.
    long monthIndex = ChronoUnit.MONTHS.between(YearMonth.from(firstDay), month);
    BigDecimal ramp =
        BigDecimal.valueOf(Math.min(1.0, (monthIndex + 1) / (double) (RAMP_MONTHS + 1)));
    BigDecimal amount = monthlyTarget.multiply(ramp).setScale(0, RoundingMode.HALF_UP);
    tally.target = tally.target.add(amount);
    actions.add(new Action.SetTarget(month, amount, config.currency));
  }

  private void capture(LocalDate day, List<Action> actions) {
    for (LeadSource source : SimulationConfig.CAPTURED_SOURCES) {
      int arrivals = poisson(config.leadsPerMonth.get(source) / WORKING_DAYS_PER_MONTH);
      for (int n = 0; n < arrivals; n++) {
        Journey journey = newJourney(source, day);
        Names.Person person = Names.person(journey.id, random);
        String company = Names.company(journey.id);
        String email = person.mailbox() + "@" + Names.domain(journey.id);
        String title = Names.title(random);
        boolean excludedAtCapture = false;
        if (random.nextDouble() < config.exclusionShare) {
          String reason = config.exclusionReasons.draw(random);
          switch (reason) {
            case "STUDENT" -> {
              email = person.mailbox() + "@" + Names.university(journey.id);
              excludedAtCapture = true;
            }
            case "RETIREE" -> {
              title = "退職者";
              excludedAtCapture = true;
            }
            default -> {
              journey.phase = Phase.PENDING_EXCLUSION;
              journey.next = day.plusDays(1 + random.nextInt(5));
            }
          }
        }
        actions.add(
            new Action.Capture(
                journey.id,
                source,
                Names.campaign(source, day),
                person.name(),
                email,
                title,
                company,
                excludedAtCapture));
        tally.leadsCaptured++;
        tally.reach(journey.id, LEAD);
        if (excludedAtCapture) {
          tally.exclude(journey.id);
          journey.phase = Phase.DONE;
          journey.next = null;
        } else if (journey.phase == Phase.NURTURING) {
          planNurturing(journey, day);
        }
      }
    }
  }

  private Journey newJourney(LeadSource source, LocalDate day) {
    Journey journey = new Journey(journeys.size(), source);
    journeys.add(journey);
    return journey;
  }

  private void planNurturing(Journey journey, LocalDate day) {
    journey.phase = Phase.NURTURING;
    journey.nurtureUntil = day.plusDays(NURTURE_DAYS);
    if (random.nextDouble() < config.mqlRate.get(journey.source)) {
      journey.mqlOn = day.plusDays(config.mqlDelay.get(journey.source).draw(random));
    } else {
      journey.mqlOn = null;
    }
    journey.next = journey.mqlOn != null && journey.mqlOn.equals(day) ? day : day.plusDays(1);
  }

  private void step(Journey journey, LocalDate day, List<Action> actions) {
    switch (journey.phase) {
      case NURTURING -> nurture(journey, day, actions);
      case PENDING_EXCLUSION -> {
        actions.add(
            new Action.Exclude(journey.id, "COMPETITOR", "works for a competitor (found by IS)"));
        tally.exclude(journey.id);
        journey.phase = Phase.DONE;
        journey.next = null;
      }
      case AWAITING_ANSWER -> answerTossUp(journey, day, actions);
      case DEAL -> workDeal(journey, day, actions);
      case CUSTOMER -> serveCustomer(journey, day, actions);
      case ON_CALL_LIST -> {
        // Inside sales calls it when the day's call list reaches it (callList).
      }
      case DONE -> journey.next = null;
    }
  }

  private void nurture(Journey journey, LocalDate day, List<Action> actions) {
    if (journey.mqlOn != null && !journey.mqlOn.isAfter(day)) {
      String band =
          switch (journey.source) {
            case INQUIRY -> "SQL";
            case REFERRAL, SEMINAR -> "MQL_HIGH";
            default -> "MQL_LOW";
          };
      actions.add(new Action.Qualify(journey.id, band));
      tally.reach(journey.id, MQL);
      journey.phase = Phase.ON_CALL_LIST;
      journey.attempts = 0;
      // Inside sales calls from the next working day, later for slower sources (lead-service's
      // follow-up delays: inquiry 1 h … list import 7 days).
      journey.next = day.plusDays(1 + followUpDays(journey.source));
      return;
    }
    if (day.isAfter(journey.nurtureUntil) && journey.mqlOn == null) {
      journey.phase = Phase.DONE;
      journey.next = null;
      return;
    }
    if (journey.nurturePoints < NURTURE_POINTS_CAP - 3) {
      boolean click = random.nextBoolean();
      int count = click ? 1 : 1 + random.nextInt(3);
      journey.nurturePoints += click ? 3 : count;
      actions.add(new Action.Nurture(journey.id, click ? "EMAIL_CLICK" : "PAGE_VIEW", count));
    }
    LocalDate next = day.plusDays(config.nurtureInterval.draw(random));
    journey.next =
        journey.mqlOn != null && journey.mqlOn.isBefore(next) ? max(journey.mqlOn, day) : next;
    if (journey.next.equals(day)) {
      journey.next = day.plusDays(1);
    }
  }

  private static int followUpDays(LeadSource source) {
    return switch (source) {
      case INQUIRY, REFERRAL, SEMINAR, WEB_FORM -> 0;
      case EVENT -> 1;
      case DOWNLOAD -> 2;
      case LIST_IMPORT -> 6;
    };
  }

  private void callList(LocalDate day, List<Action> actions) {
    int capacity = config.isReps.size() * config.callsPerRepPerDay;
    List<Journey> due =
        journeys.stream()
            .filter(j -> j.phase == Phase.ON_CALL_LIST && !j.next.isAfter(day))
            .sorted(
                Comparator.comparingInt((Journey j) -> followUpDays(j.source))
                    .thenComparing(j -> j.next)
                    .thenComparingInt(j -> j.id))
            .limit(capacity)
            .toList();
    int call = 0;
    for (Journey journey : due) {
      String rep = config.isReps.get(call++ % config.isReps.size());
      callOnce(journey, day, rep, actions);
    }
  }

  private void callOnce(Journey journey, LocalDate day, String rep, List<Action> actions) {
    journey.attempts++;
    tally.calls++;
    boolean connected = random.nextDouble() < config.connectRate;
    boolean contacted = connected && random.nextDouble() < config.contactRate;
    if (!contacted) {
      actions.add(
          new Action.Call(journey.id, connected ? "CONNECTED_RECEPTION" : "NO_ANSWER", rep, null));
      if (connected) {
        tally.connects++;
      }
      if (journey.attempts >= config.maxAttempts) {
        disqualify(journey, day, "UNREACHABLE", rep, actions);
      } else {
        journey.next = day.plusDays(config.retryDays.draw(random));
      }
      return;
    }
    tally.connects++;
    tally.contacts++;
    actions.add(
        new Action.Call(journey.id, "CONTACTED_KEY_PERSON", rep, Names.currentEnvironment(random)));
    double conversation = random.nextDouble();
    if (conversation < config.tossUpRate) {
      actions.add(new Action.Bant(journey.id, random.nextDouble() < 0.6, true, true, true, rep));
      String fsRep = leastLoadedRep();
      openDeals.merge(fsRep, 1, Integer::sum);
      journey.fsRep = fsRep;
      actions.add(new Action.TossUp(journey.id, fsRep, Names.handoffComment(random)));
      tally.reach(journey.id, TOSSED_UP);
      journey.phase = Phase.AWAITING_ANSWER;
      journey.next = day.plusDays(config.answerDays.draw(random));
      if (journey.next.equals(day)) {
        journey.next = day.plusDays(1);
      }
    } else if (conversation < config.tossUpRate + config.disqualifyRate) {
      actions.add(new Action.Bant(journey.id, false, random.nextBoolean(), false, false, rep));
      disqualify(journey, day, config.disqualifyReasons.draw(random), rep, actions);
    } else if (journey.attempts >= config.maxAttempts) {
      disqualify(journey, day, "NO_DECISION_YET", rep, actions);
    } else {
      journey.next = day.plusDays(config.retryDays.draw(random));
    }
  }

  private void disqualify(
      Journey journey, LocalDate day, String reason, String rep, List<Action> actions) {
    actions.add(new Action.Disqualify(journey.id, reason, rep));
    tally.recycledA++;
    // Recycle A: back to nurturing; some come back as MQLs later.
    journey.phase = Phase.NURTURING;
    journey.nurturePoints = NURTURE_POINTS_CAP;
    journey.nurtureUntil = day;
    if (random.nextDouble() < config.recycleReconversion) {
      journey.mqlOn = day.plusDays(Math.max(1, config.recycleDelay.draw(random)));
      journey.next = journey.mqlOn;
    } else {
      journey.mqlOn = null;
      journey.phase = Phase.DONE;
      journey.next = null;
    }
  }

  private String leastLoadedRep() {
    String best = null;
    for (Map.Entry<String, Integer> rep : openDeals.entrySet()) {
      if (best == null || rep.getValue() < openDeals.get(best)) {
        best = rep.getKey();
      }
    }
    return best;
  }

  private void answerTossUp(Journey journey, LocalDate day, List<Action> actions) {
    if (random.nextDouble() >= config.acceptanceRate) {
      String reason = config.rejectionReasons.draw(random);
      actions.add(
          new Action.Reject(
              journey.id,
              reason,
              "The visit found a different situation than the handoff comment",
              journey.fsRep));
      tally.rejected++;
      if (feedbackRandom.nextDouble() < config.feedbackRate) {
        switch (reason) {
          case "HANDOFF_MISMATCH" ->
              giveFeedback(
                  day,
                  journey.id,
                  "FIELD_SALES",
                  "INSIDE_SALES",
                  "HANDOFF_INFORMATION",
                  "Rejected toss-up: the handoff comment did not match the visit",
                  "The prospect's situation differed from what the handoff comment said.",
                  journey.fsRep,
                  actions);
          case "NO_DECISION_MAKER" ->
              giveFeedback(
                  day,
                  journey.id,
                  "FIELD_SALES",
                  "INSIDE_SALES",
                  "TOSS_UP_QUALITY",
                  "Rejected toss-up: no decision maker involved",
                  "Authority was checked in BANT, but nobody at the meeting could decide.",
                  journey.fsRep,
                  actions);
          default ->
              giveFeedback(
                  day,
                  journey.id,
                  "FIELD_SALES",
                  "MARKETING",
                  "LEAD_QUALITY",
                  "Rejected toss-up (" + reason + ") from campaign leads",
                  "Leads like this one have no budget or no project this year.",
                  journey.fsRep,
                  actions);
        }
      }
      openDeals.merge(journey.fsRep, -1, Integer::sum);
      journey.phase = Phase.DONE;
      journey.next = null;
      return;
    }
    actions.add(new Action.Accept(journey.id, journey.fsRep));
    tally.reach(journey.id, VALID);
    journey.phase = Phase.DEAL;
    journey.willWin = random.nextDouble() < config.winRate;
    int cycle = config.salesCycle.draw(random);
    journey.closeOn = day.plusDays(cycle);
    journey.stageE = day.plusDays(1);
    journey.stage1 = day.plusDays(Math.max(2, cycle * 2 / 5));
    // Lost deals often die before the closing stage.
    journey.stage2 =
        journey.willWin || random.nextBoolean() ? day.plusDays(Math.max(3, cycle * 3 / 4)) : null;
    journey.termMonths = Integer.parseInt(config.termMonths.draw(random));
    double yearly =
        config.dealSizeMedian.doubleValue()
            * Math.exp(config.dealSizeSpread * random.nextGaussian());
    // Contract value: the yearly value over the term, in thousands of yen.
    journey.amount =
        BigDecimal.valueOf(Math.round(yearly * journey.termMonths / 12.0 / 1000.0) * 1000L)
            .max(BigDecimal.valueOf(100_000));
    journey.next = journey.stageE;
  }

  private void workDeal(Journey journey, LocalDate day, List<Action> actions) {
    if (!journey.stageEDone) {
      journey.stageEDone = true;
      actions.add(stage(journey, "E", List.of()));
      // The first visit: sometimes the prospect is not what the handoff comment said.
      if (feedbackRandom.nextDouble() < config.visitGapShare
          && feedbackRandom.nextDouble() < config.feedbackRate) {
        giveFeedback(
            day,
            journey.id,
            "FIELD_SALES",
            "INSIDE_SALES",
            "HANDOFF_INFORMATION",
            "First visit differed from the handoff comment",
            "The current environment and the timeline heard at the visit differ from the handoff.",
            journey.fsRep,
            actions);
      }
      journey.next = journey.stage1;
    } else if (!journey.stage1Done) {
      journey.stage1Done = true;
      actions.add(stage(journey, "1", List.of("BANT")));
      journey.next = journey.stage2 != null ? journey.stage2 : journey.closeOn;
    } else if (journey.stage2 != null && !journey.stage2Done) {
      journey.stage2Done = true;
      actions.add(stage(journey, "2", List.of("QUOTE_PRESENTED")));
      journey.next = journey.closeOn;
    } else {
      close(journey, day, actions);
    }
    if (journey.next != null && !journey.next.isAfter(day)) {
      journey.next = day.plusDays(1);
    }
  }

  private Action stage(Journey journey, String stage, List<String> checks) {
    return new Action.Stage(
        journey.id, stage, journey.amount, journey.closeOn, checks, journey.fsRep);
  }

  private void close(Journey journey, LocalDate day, List<Action> actions) {
    openDeals.merge(journey.fsRep, -1, Integer::sum);
    if (!journey.willWin) {
      String reason = config.lossReasons.draw(random);
      String competitor =
          reason.equals("COMPETITOR")
              ? config.competitors.get(random.nextInt(config.competitors.size()))
              : null;
      actions.add(new Action.Lose(journey.id, reason, competitor));
      tally.lost++;
      tally.recycledB++;
      journey.phase = Phase.DONE;
      journey.next = null;
      return;
    }
    LocalDate contractStart = day.withDayOfMonth(1).plusMonths(1);
    actions.add(new Action.Win(journey.id, journey.amount, contractStart, journey.termMonths));
    tally.reach(journey.id, WON);
    tally.reach(journey.id, ONBOARDED);
    tally.revenue = tally.revenue.add(journey.amount);
    journey.phase = Phase.CUSTOMER;
    journey.customerSince = day;
    journey.contractEnd = contractStart.plusMonths(journey.termMonths);
    journey.seats = config.activeUsers.draw(random);
    journey.next = day.plusDays(30);
    if (handoverRandom.nextDouble() < config.feedbackRate) {
      giveFeedback(
          handoverRandom,
          day,
          journey.id,
          "FIELD_SALES",
          "CUSTOMER_SUCCESS",
          "CUSTOMER_EXPECTATIONS",
          "Won: what the customer expects",
          "The customer bought for the reporting module and expects go-live within two months.",
          journey.fsRep,
          actions);
    }
  }

  private void serveCustomer(Journey journey, LocalDate day, List<Action> actions) {
    // Expansions identified at the last review close by this one.
    boolean expandsToday = !journey.expansionsToWin.isEmpty();
    for (Action.WinExpansion win : journey.expansionsToWin) {
      actions.add(
          new Action.WinExpansion(
              journey.id, win.number(), win.amount(), day.withDayOfMonth(1).plusMonths(1)));
      tally.expansionsWon++;
      tally.revenue = tally.revenue.add(win.amount());
    }
    journey.expansionsToWin.clear();
    if (!journey.onboardingReviewed) {
      journey.onboardingReviewed = true;
      if (feedbackRandom.nextDouble() < config.onboardingIssueShare
          && feedbackRandom.nextDouble() < config.feedbackRate) {
        if (feedbackRandom.nextBoolean()) {
          giveFeedback(
              day,
              journey.id,
              "CUSTOMER_SUCCESS",
              "FIELD_SALES",
              "CUSTOMER_EXPECTATIONS",
              "Onboarding: the customer expected more than was sold",
              "The customer was promised integrations that are not part of the contract.",
              "cs-simulator",
              actions);
        } else {
          giveFeedback(
              day,
              journey.id,
              "CUSTOMER_SUCCESS",
              "PRODUCT",
              "PRODUCT_GAP",
              "Onboarding: setup is hard without a CSV import",
              "The customer's admins struggled to import their data during onboarding.",
              "cs-simulator",
              actions);
        }
      }
    }
    if (!day.isBefore(journey.contractEnd)) {
      // A customer who buys more today renews: churning it the same day would close the account
      // before Customer Success hears of the win. The draw is made either way, to keep the plan.
      if (random.nextDouble() < config.renewalRate || expandsToday) {
        actions.add(new Action.Renew(journey.id, journey.termMonths, journey.amount));
        tally.renewed++;
        tally.reach(journey.id, RENEWED_OR_EXPANDED);
        journey.contractEnd = journey.contractEnd.plusMonths(journey.termMonths);
      } else {
        String reason = config.churnReasons.draw(random);
        actions.add(new Action.Churn(journey.id, reason));
        tally.churned++;
        if (feedbackRandom.nextDouble() < config.feedbackRate) {
          churnFeedback(journey, day, reason, actions);
        }
        journey.phase = Phase.DONE;
        journey.next = null;
        return;
      }
    } else {
      // A monthly account review.
      if (random.nextDouble() < config.expansionRate) {
        Range share = config.expansionSharePercent;
        BigDecimal amount =
            journey
                .amount
                .multiply(BigDecimal.valueOf(share.draw(random)))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
        String kind = random.nextBoolean() ? "UPSELL" : "CROSS_SELL";
        actions.add(new Action.Expand(journey.id, ++journey.expansions, kind, amount));
        tally.expansions++;
        if (expansionRandom.nextDouble() < config.winRate) {
          journey.expansionsToWin.add(
              new Action.WinExpansion(journey.id, journey.expansions, amount, null));
        }
        tally.reach(journey.id, RENEWED_OR_EXPANDED);
      }
      if (random.nextDouble() < config.referralRate) {
        Journey referred = newJourney(LeadSource.REFERRAL, day);
        Names.Person person = Names.person(referred.id, random);
        actions.add(
            new Action.Refer(
                journey.id,
                referred.id,
                Names.company(referred.id),
                person.name(),
                person.mailbox() + "@" + Names.domain(referred.id)));
        tally.referrals++;
        tally.leadsCaptured++;
        tally.reach(referred.id, LEAD);
        planNurturing(referred, day.plusDays(1));
      }
      if (!journey.advocate && random.nextDouble() < config.advocateRate) {
        journey.advocate = true;
        actions.add(new Action.Advocate(journey.id));
        tally.advocates++;
      }
    }
    LocalDate review = day.plusDays(30);
    journey.next = review.isAfter(journey.contractEnd) ? journey.contractEnd : review;
    if (!journey.next.isAfter(day)) {
      journey.next = day.plusDays(1);
    }
  }

  private void churnFeedback(Journey journey, LocalDate day, String reason, List<Action> actions) {
    String to;
    String category;
    String text;
    switch (reason) {
      case "NO_ADOPTION" -> {
        to = "PRODUCT";
        category = "PRODUCT_GAP";
        text = "The customer's users never adopted the product: too few of them logged in.";
      }
      case "BUDGET_CUT" -> {
        to = "MARKETING";
        category = "TARGETING";
        text = "Companies of this size cut the budget first: target larger accounts.";
      }
      default -> {
        to = "FIELD_SALES";
        category = "CUSTOMER_EXPECTATIONS";
        text = "The customer switched vendors: the sale promised what the product does not do.";
      }
    }
    giveFeedback(
        day,
        journey.id,
        "CUSTOMER_SUCCESS",
        to,
        category,
        "Churned customer (" + reason + ")",
        text,
        "cs-simulator",
        actions);
  }

  /**
   * On the first working day of each month after the first, each inside sales rep may tell
   * marketing about the leads of one of last month's campaigns.
   */
  private void reviewCampaigns(LocalDate day, List<Action> actions) {
    YearMonth month = YearMonth.from(day);
    if (month.equals(lastCampaignReview)) {
      return;
    }
    lastCampaignReview = month;
    if (month.equals(YearMonth.from(firstDay))) {
      return;
    }
    for (String rep : config.isReps) {
      if (feedbackRandom.nextDouble() < config.feedbackRate) {
        LeadSource source =
            SimulationConfig.CAPTURED_SOURCES.get(
                feedbackRandom.nextInt(SimulationConfig.CAPTURED_SOURCES.size()));
        String campaign = Names.campaign(source, day.minusMonths(1));
        boolean targeting = feedbackRandom.nextBoolean();
        giveFeedback(
            day,
            -1,
            "INSIDE_SALES",
            "MARKETING",
            targeting ? "TARGETING" : "LEAD_QUALITY",
            "Campaign " + campaign,
            targeting
                ? "Many of this campaign's MQLs are outside our target segment."
                : "This campaign's MQLs rarely want a meeting: qualify them later.",
            rep,
            actions);
      }
    }
  }

  /**
   * Gives feedback, and plans whether and when the receiver acknowledges it and acts on it
   * (feedback to product is measured, never acknowledged: no department is product).
   */
  private void giveFeedback(
      LocalDate day,
      int journey,
      String from,
      String to,
      String category,
      String about,
      String text,
      String givenBy,
      List<Action> actions) {
    giveFeedback(feedbackRandom, day, journey, from, to, category, about, text, givenBy, actions);
  }

  /** Gives feedback and plans the receiver's answer, drawing from {@code draws}. */
  private void giveFeedback(
      Random draws,
      LocalDate day,
      int journey,
      String from,
      String to,
      String category,
      String about,
      String text,
      String givenBy,
      List<Action> actions) {
    int feedback = feedbackGiven++;
    actions.add(
        new Action.GiveFeedback(feedback, journey, from, to, category, about, text, givenBy));
    tally.feedbackGiven(from, to);
    if (to.equals("PRODUCT") || draws.nextDouble() >= config.acknowledgeRate) {
      return;
    }
    String receiver = receiverPerson(to, draws);
    LocalDate acknowledged = day.plusDays(config.acknowledgeDays.draw(draws));
    responses.add(
        new Response(
            acknowledged,
            new Action.AcknowledgeFeedback(
                feedback, to, receiver, "Thanks, we will look into " + category + "."),
            from,
            to));
    if (draws.nextDouble() < config.actRate) {
      LocalDate acted = acknowledged.plusDays(config.actDays.draw(draws));
      responses.add(
          new Response(
              acted,
              new Action.ActOnFeedback(feedback, to, receiver, actionFor(to, category)),
              from,
              to));
    }
  }

  private String receiverPerson(String to, Random draws) {
    return switch (to) {
      case "INSIDE_SALES" -> config.isReps.get(draws.nextInt(config.isReps.size()));
      case "FIELD_SALES" -> config.fsReps.get(draws.nextInt(config.fsReps.size()));
      case "CUSTOMER_SUCCESS" -> "cs-simulator";
      default -> "mk-simulator";
    };
  }

  private static String actionFor(String to, String category) {
    return switch (to) {
      case "INSIDE_SALES" ->
          "Handoff comments now state the current environment and timeline (" + category + ").";
      case "FIELD_SALES" ->
          "The proposal template lists what the contract includes (" + category + ").";
      case "CUSTOMER_SUCCESS" ->
          "The onboarding plan starts from what was promised in the sale (" + category + ").";
      default -> "Campaign targeting and MQL scoring adjusted (" + category + ").";
    };
  }

  /** The receivers' acknowledgements and actions due today, in the order they were planned. */
  private void respondToFeedback(LocalDate day, List<Action> actions) {
    for (java.util.Iterator<Response> it = responses.iterator(); it.hasNext(); ) {
      Response response = it.next();
      if (!response.due().isAfter(day)) {
        actions.add(response.action());
        if (response.action() instanceof Action.AcknowledgeFeedback) {
          tally.feedbackAcknowledged(response.from(), response.to());
        } else {
          tally.feedbackActedOn(response.from(), response.to());
        }
        it.remove();
      }
    }
  }

  private void usage(LocalDate day, List<Action> actions) {
    if (day.getDayOfWeek() != DayOfWeek.FRIDAY) {
      return;
    }
    List<Action.UsageRecord> records = new ArrayList<>();
    for (Journey journey : journeys) {
      if (journey.phase == Phase.CUSTOMER && journey.customerSince.isBefore(day)) {
        int active = Math.max(1, (int) Math.round(journey.seats * (0.5 + random.nextDouble() / 2)));
        records.add(new Action.UsageRecord(journey.id, active, active * (2 + random.nextInt(4))));
      }
    }
    if (!records.isEmpty()) {
      actions.add(new Action.Usage(day, records));
    }
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** Counts per phase, for tests and progress (journeys still being worked on). */
  Map<String, Long> phases() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (Journey journey : journeys) {
      counts.merge(journey.phase.name(), 1L, Long::sum);
    }
    return counts;
  }

  int journeys() {
    return journeys.size();
  }
}
