package io.themodel.dev.simulation;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulation made happen, counted the way the projector's funnel counts: each journey once
 * per stage it reached, leads excluded as non-targets in no stage. Plus the totals of the summary
 * table: revenue against target, recycles, churn, calls.
 */
public final class Tally {

  /** The projector's funnel stages ({@code GET /funnel}), in journey order. */
  public static final String[] STAGES = {
    "LEAD_CAPTURED",
    "MQL",
    "TOSSED_UP",
    "VALID_OPPORTUNITY",
    "WON",
    "ONBOARDED",
    "RENEWED_OR_EXPANDED"
  };

  private final BitSet[] reached = new BitSet[STAGES.length];
  private final BitSet excluded = new BitSet();
  long leadsCaptured;
  long calls;
  long connects;
  long contacts;
  long rejected;
  long lost;
  long recycledA;
  long recycledB;
  long churned;
  long renewed;
  long expansions;
  long expansionsWon;
  long referrals;
  long advocates;
  private final Map<String, long[]> feedback = new TreeMap<>();
  BigDecimal revenue = BigDecimal.ZERO;
  BigDecimal target = BigDecimal.ZERO;

  Tally() {
    for (int i = 0; i < STAGES.length; i++) {
      reached[i] = new BitSet();
    }
  }

  void reach(int journey, int stage) {
    reached[stage].set(journey);
  }

  void exclude(int journey) {
    excluded.set(journey);
  }

  /** Journeys that reached the stage and are not excluded: what {@code GET /funnel} shows. */
  public long reached(String stage) {
    for (int i = 0; i < STAGES.length; i++) {
      if (STAGES[i].equals(stage)) {
        BitSet counted = (BitSet) reached[i].clone();
        counted.andNot(excluded);
        return counted.cardinality();
      }
    }
    throw new IllegalArgumentException("no funnel stage " + stage);
  }

  /**
   * Feedback along one direction of the reverse loop (giver → receiver, named as {@code
   * FeedbackParty}), as {@code GET /feedback-loop} counts it: given, acknowledged and acted on.
   */
  public record FeedbackCount(String from, String to, long given, long acknowledged, long actedOn) {
    /** {@code FROM->TO}, the key of {@link Tally#feedback()}. */
    public String direction() {
      return from + "->" + to;
    }
  }

  void feedbackGiven(String from, String to) {
    feedback.computeIfAbsent(from + "->" + to, d -> new long[3])[0]++;
  }

  void feedbackAcknowledged(String from, String to) {
    feedback.computeIfAbsent(from + "->" + to, d -> new long[3])[1]++;
  }

  void feedbackActedOn(String from, String to) {
    feedback.computeIfAbsent(from + "->" + to, d -> new long[3])[2]++;
  }

  /** Feedback per direction ({@code FROM->TO}, sorted), what {@code GET /feedback-loop} shows. */
  public Map<String, FeedbackCount> feedback() {
    Map<String, FeedbackCount> counts = new LinkedHashMap<>();
    feedback.forEach(
        (direction, n) -> {
          String[] parties = direction.split("->");
          counts.put(direction, new FeedbackCount(parties[0], parties[1], n[0], n[1], n[2]));
        });
    return counts;
  }

  /** Feedback given, acknowledged and acted on, over every direction. */
  public long[] feedbackTotals() {
    long[] totals = new long[3];
    for (long[] n : feedback.values()) {
      for (int i = 0; i < 3; i++) {
        totals[i] += n[i];
      }
    }
    return totals;
  }

  /** Every stage → journeys, as {@code GET /funnel} should show them. */
  public Map<String, Long> funnel() {
    Map<String, Long> funnel = new LinkedHashMap<>();
    for (String stage : STAGES) {
      funnel.put(stage, reached(stage));
    }
    return funnel;
  }

  public long excluded() {
    return excluded.cardinality();
  }

  public long leadsCaptured() {
    return leadsCaptured;
  }

  public long recycled() {
    return recycledA + recycledB;
  }

  public long churned() {
    return churned;
  }

  public long renewed() {
    return renewed;
  }

  public BigDecimal revenue() {
    return revenue;
  }

  public BigDecimal target() {
    return target;
  }

  /** The summary table of {@code ./themodel demo}. */
  public void print(PrintStream out, String currency) {
    out.println();
    out.printf("  %-34s %14s%n", "leads captured (all sources)", leadsCaptured);
    out.printf("  %-34s %14s%n", "  of which excluded (non-targets)", excluded());
    out.printf("  %-34s %14s%n", "MQLs", reached("MQL"));
    out.printf(
        "  %-34s %14s%n",
        "IS calls / connects / contacts", calls + " / " + connects + " / " + contacts);
    out.printf("  %-34s %14s%n", "toss-ups", reached("TOSSED_UP"));
    out.printf("  %-34s %14s%n", "  rejected by field sales", rejected);
    out.printf("  %-34s %14s%n", "valid opportunities", reached("VALID_OPPORTUNITY"));
    out.printf("  %-34s %14s%n", "won", reached("WON"));
    out.printf("  %-34s %14s%n", "lost", lost);
    out.printf("  %-34s %14s%n", "revenue (" + currency + ")", money(revenue));
    out.printf("  %-34s %14s%n", "target (" + currency + ")", money(target));
    String attained =
        target.signum() == 0
            ? "-"
            : revenue.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP)
                + " %";
    out.printf("  %-34s %14s%n", "  attained", attained);
    out.printf("  %-34s %14s%n", "  to go", money(target.subtract(revenue).max(BigDecimal.ZERO)));
    out.printf("  %-34s %14s%n", "recycled (A: not now / B: lost)", recycledA + " / " + recycledB);
    out.printf("  %-34s %14s%n", "renewed", renewed);
    out.printf("  %-34s %14s%n", "churned", churned);
    out.printf(
        "  %-34s %14s%n",
        "expansions (won) / referrals", expansions + " (" + expansionsWon + ") / " + referrals);
    long[] totals = feedbackTotals();
    out.printf(
        "  %-34s %14s%n",
        "feedback given / ack'd / acted on", totals[0] + " / " + totals[1] + " / " + totals[2]);
    for (FeedbackCount count : feedback().values()) {
      out.printf(
          "  %-34s %14s%n",
          "  " + count.from() + " → " + count.to(),
          count.given() + " / " + count.acknowledged() + " / " + count.actedOn());
    }
  }

  private static String money(BigDecimal amount) {
    return String.format("%,d", amount.setScale(0, RoundingMode.HALF_UP).longValueExact());
  }

  @Override
  public String toString() {
    return funnel()
        + " excluded="
        + excluded()
        + " revenue="
        + revenue
        + " target="
        + target
        + " recycled="
        + recycledA
        + "/"
        + recycledB
        + " churned="
        + churned
        + " feedback="
        + feedback().values();
  }
}
