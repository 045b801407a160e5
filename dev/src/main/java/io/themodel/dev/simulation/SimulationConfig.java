package io.themodel.dev.simulation;

import io.themodel.events.lead.LeadSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.random.RandomGenerator;

/**
 * The simulated company's rates, read from {@code simulation.properties} (defaults, with where each
 * comes from) and overrides. Every value is checked when read: a bad one stops the simulator with a
 * message naming the key.
 */
public final class SimulationConfig {

  /** A range of whole numbers, {@code min-max}, drawn uniformly. */
  public record Range(int min, int max) {
    int draw(RandomGenerator random) {
      return min == max ? min : min + random.nextInt(max - min + 1);
    }

    double mean() {
      return (min + max) / 2.0;
    }
  }

  /** Choices with weights, {@code A:0.3,B:0.7}, drawn in proportion. */
  public record Weighted(Map<String, Double> weights) {

    /**
     * A draw walks the choices in order, so the order must be the same in every JVM: {@code
     * Map.of}'s is not (it is salted per JVM), and a seed then planned another company on each run.
     */
    public Weighted {
      if (!(weights instanceof LinkedHashMap || weights instanceof java.util.SortedMap)) {
        throw new IllegalArgumentException("weighted choices need an order: " + weights.keySet());
      }
    }

    String draw(RandomGenerator random) {
      double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      double point = random.nextDouble() * total;
      String last = null;
      for (Map.Entry<String, Double> choice : weights.entrySet()) {
        last = choice.getKey();
        point -= choice.getValue();
        if (point < 0) {
          return last;
        }
      }
      return last;
    }

    double mean() {
      double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      return weights.entrySet().stream()
              .mapToDouble(e -> Double.parseDouble(e.getKey()) * e.getValue())
              .sum()
          / total;
    }
  }

  /** Sources marketing captures leads from itself (referrals come from customers). */
  static final List<LeadSource> CAPTURED_SOURCES =
      List.of(
          LeadSource.WEB_FORM,
          LeadSource.DOWNLOAD,
          LeadSource.SEMINAR,
          LeadSource.EVENT,
          LeadSource.INQUIRY,
          LeadSource.LIST_IMPORT);

  final Map<LeadSource, Double> leadsPerMonth = new EnumMap<>(LeadSource.class);
  final double exclusionShare;
  final Weighted exclusionReasons;
  final Map<LeadSource, Double> mqlRate = new EnumMap<>(LeadSource.class);
  final Map<LeadSource, Range> mqlDelay = new EnumMap<>(LeadSource.class);
  final Range nurtureInterval;

  final List<String> isReps;
  final int callsPerRepPerDay;
  final int maxAttempts;
  final Range retryDays;
  final double connectRate;
  final double contactRate;
  final double tossUpRate;
  final double disqualifyRate;
  final Weighted disqualifyReasons;
  final double recycleReconversion;
  final Range recycleDelay;

  final List<String> fsReps;
  final double acceptanceRate;
  final Range answerDays;
  final Weighted rejectionReasons;
  final double winRate;
  final Range salesCycle;
  final BigDecimal dealSizeMedian;
  final double dealSizeSpread;
  final Weighted termMonths;
  final Weighted lossReasons;
  final List<String> competitors;
  final String currency;
  final double targetAttainment;

  final double renewalRate;
  final Weighted churnReasons;
  final double expansionRate;
  final Range expansionSharePercent;
  final double referralRate;
  final double advocateRate;
  final Range activeUsers;

  final double feedbackRate;
  final double visitGapShare;
  final double onboardingIssueShare;
  final double acknowledgeRate;
  final Range acknowledgeDays;
  final double actRate;
  final Range actDays;

  private final Properties properties;

  private SimulationConfig(Properties properties) {
    this.properties = properties;
    for (LeadSource source : CAPTURED_SOURCES) {
      leadsPerMonth.put(source, nonNegative("marketing.leads-per-month." + source));
    }
    exclusionShare = rate("marketing.exclusion-share");
    exclusionReasons = new Weighted(new LinkedHashMap<>());
    for (String reason : List.of("STUDENT", "RETIREE", "COMPETITOR")) {
      exclusionReasons.weights().put(reason, nonNegative("marketing.exclusion." + reason));
    }
    for (LeadSource source : LeadSource.values()) {
      mqlRate.put(source, rate("marketing.mql-rate." + source));
      mqlDelay.put(source, range("marketing.mql-delay-days." + source));
    }
    nurtureInterval = range("marketing.nurture-interval-days");

    isReps = list("is.reps");
    callsPerRepPerDay = (int) positive("is.calls-per-rep-per-day");
    maxAttempts = (int) positive("is.max-attempts");
    retryDays = range("is.retry-days");
    connectRate = rate("is.connect-rate");
    contactRate = rate("is.contact-rate");
    tossUpRate = rate("is.toss-up-rate");
    disqualifyRate = rate("is.disqualify-rate");
    if (tossUpRate + disqualifyRate > 1) {
      throw bad("is.disqualify-rate", "is.toss-up-rate + is.disqualify-rate must be at most 1");
    }
    disqualifyReasons = weighted("is.disqualify-reasons");
    recycleReconversion = rate("is.recycle-reconversion");
    recycleDelay = range("is.recycle-delay-days");

    fsReps = list("fs.reps");
    acceptanceRate = rate("fs.acceptance-rate");
    answerDays = range("fs.answer-days");
    rejectionReasons = weighted("fs.rejection-reasons");
    winRate = rate("fs.win-rate");
    salesCycle = range("fs.sales-cycle-days");
    if (salesCycle.min() < 4) {
      throw bad("fs.sales-cycle-days", "must start at 4 days or more (stages E, 1, 2 come first)");
    }
    dealSizeMedian = BigDecimal.valueOf(positive("fs.deal-size-median"));
    dealSizeSpread = nonNegative("fs.deal-size-spread");
    termMonths = weighted("fs.term-months");
    for (String term : termMonths.weights().keySet()) {
      if (!term.matches("[1-9][0-9]?")) {
        throw bad("fs.term-months", "terms are whole months 1-99, not " + term);
      }
    }
    lossReasons = weighted("fs.loss-reasons");
    competitors = list("fs.competitors");
    currency = text("fs.currency");
    targetAttainment = rate("fs.target-attainment");
    if (targetAttainment == 0) {
      throw bad("fs.target-attainment", "must be above 0");
    }

    renewalRate = rate("cs.renewal-rate");
    churnReasons = weighted("cs.churn-reasons");
    expansionRate = rate("cs.expansion-rate");
    expansionSharePercent = percentRange("cs.expansion-share");
    referralRate = rate("cs.referral-rate");
    advocateRate = rate("cs.advocate-rate");
    activeUsers = range("cs.active-users");

    feedbackRate = rate("feedback.rate");
    visitGapShare = rate("feedback.visit-gap-share");
    onboardingIssueShare = rate("feedback.onboarding-issue-share");
    acknowledgeRate = rate("feedback.acknowledge-rate");
    acknowledgeDays = range("feedback.acknowledge-days");
    if (acknowledgeDays.min() < 1) {
      // The receiver learns of feedback over Kafka: not before the day after it was given.
      throw bad("feedback.acknowledge-days", "must start at 1 day or more");
    }
    actRate = rate("feedback.act-rate");
    actDays = range("feedback.act-days");
  }

  /** The defaults from {@code simulation.properties}. */
  public static SimulationConfig defaults() {
    return withOverrides(Map.of());
  }

  /** The defaults with these keys replaced (an unknown key is refused, naming it). */
  public static SimulationConfig withOverrides(Map<String, String> overrides) {
    Properties properties = new Properties();
    try (InputStream in = SimulationConfig.class.getResourceAsStream("/simulation.properties")) {
      if (in == null) {
        throw new IllegalStateException("simulation.properties is missing from the classpath");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      if (!properties.containsKey(override.getKey())) {
        throw new IllegalArgumentException(
            "unknown simulation setting " + override.getKey() + " (see simulation.properties)");
      }
      properties.setProperty(override.getKey(), override.getValue());
    }
    return new SimulationConfig(properties);
  }

  /** Captured leads per month, over every source. */
  double leadsPerMonth() {
    return leadsPerMonth.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * The revenue the rates yield in a month once the pipeline is full: leads × target share × MQL
   * rate × reached within the attempts × tossed up × accepted × won × the mean deal size. The
   * monthly target is this divided by the attainment.
   */
  BigDecimal steadyMonthlyRevenue() {
    double mqls = 0;
    for (LeadSource source : CAPTURED_SOURCES) {
      mqls += leadsPerMonth.get(source) * mqlRate.get(source);
    }
    mqls *= 1 - exclusionShare;
    double contactPerCall = connectRate * contactRate;
    // A contact ends the round with toss-up or disqualification, else the prospect is called again.
    double decidedPerContact = tossUpRate + disqualifyRate;
    double tossUpPerProspect = 0;
    double stillOpen = 1;
    for (int call = 0; call < maxAttempts; call++) {
      tossUpPerProspect += stillOpen * contactPerCall * tossUpRate;
      stillOpen *= 1 - contactPerCall * decidedPerContact;
    }
    double wins = mqls * tossUpPerProspect * acceptanceRate * winRate;
    double meanDeal =
        dealSizeMedian.doubleValue() * Math.exp(dealSizeSpread * dealSizeSpread / 2) * meanYears();
    return BigDecimal.valueOf(wins * meanDeal);
  }

  /** Mean contract length in years (a deal's amount is its yearly value × the years). */
  double meanYears() {
    return termMonths.mean() / 12.0;
  }

  /** The monthly revenue target (whole yen). */
  BigDecimal monthlyTarget() {
    return steadyMonthlyRevenue()
        .divide(BigDecimal.valueOf(targetAttainment), 0, java.math.RoundingMode.HALF_UP);
  }

  private String text(String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw bad(key, "is required");
    }
    return value.trim();
  }

  private double number(String key) {
    try {
      return Double.parseDouble(text(key));
    } catch (NumberFormatException e) {
      throw bad(key, "is not a number: " + properties.getProperty(key));
    }
  }

  private double nonNegative(String key) {
    double value = number(key);
    if (value < 0) {
      throw bad(key, "must not be negative");
    }
    return value;
  }

  private double positive(String key) {
    double value = number(key);
    if (value <= 0) {
      throw bad(key, "must be above 0");
    }
    return value;
  }

  private double rate(String key) {
    double value = number(key);
    if (value < 0 || value > 1) {
      throw bad(key, "is a share between 0 and 1, not " + value);
    }
    return value;
  }

  private Range range(String key) {
    String value = text(key);
    String[] bounds = value.split("-");
    try {
      Range range =
          new Range(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim()));
      if (bounds.length != 2 || range.min() < 0 || range.max() < range.min()) {
        throw bad(key, "must be min-max with 0 <= min <= max, not " + value);
      }
      return range;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw bad(key, "must be min-max, not " + value);
    }
  }

  private Range percentRange(String key) {
    String value = text(key);
    String[] bounds = value.split("-");
    try {
      double low = Double.parseDouble(bounds[0].trim());
      double high = Double.parseDouble(bounds[1].trim());
      if (bounds.length != 2 || low < 0 || high < low || high > 10) {
        throw bad(key, "must be min-max shares with 0 <= min <= max, not " + value);
      }
      return new Range((int) Math.round(low * 100), (int) Math.round(high * 100));
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw bad(key, "must be min-max, not " + value);
    }
  }

  private List<String> list(String key) {
    List<String> values = new ArrayList<>();
    for (String value : text(key).split(",")) {
      if (!value.isBlank()) {
        values.add(value.trim());
      }
    }
    if (values.isEmpty()) {
      throw bad(key, "needs at least one value");
    }
    return List.copyOf(values);
  }

  private Weighted weighted(String key) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String choice : list(key)) {
      String[] parts = choice.split(":");
      try {
        double weight = Double.parseDouble(parts[1].trim());
        if (parts.length != 2 || weight < 0 || parts[0].isBlank()) {
          throw bad(key, "each choice is name:weight with a weight >= 0, not " + choice);
        }
        weights.put(parts[0].trim(), weight);
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw bad(key, "each choice is name:weight, not " + choice);
      }
    }
    if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw bad(key, "needs a choice with a weight above 0");
    }
    return new Weighted(weights);
  }

  private static IllegalArgumentException bad(String key, String message) {
    return new IllegalArgumentException("simulation setting " + key + " " + message);
  }
}
