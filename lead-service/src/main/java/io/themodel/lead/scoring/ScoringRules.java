package io.themodel.lead.scoring;

import io.themodel.events.lead.ScoreBand;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How Marketing scores a lead, from configuration: a weight per behaviour, fit points for words in
 * the job title (role), for the company's size band and for its industry, the score each band
 * starts at, and the band whose crossing makes the lead an MQL handed to Inside Sales.
 */
public final class ScoringRules {

  private final Map<ActivityType, Integer> weights;
  private final Map<String, Integer> titlePoints;
  private final NavigableMap<Integer, Integer> sizePoints;
  private final Map<String, Integer> industryPoints;
  private final int mqlLow;
  private final int mqlHigh;
  private final int sql;
  private final ScoreBand handoffBand;

  /** Rules without fit by company size or industry. */
  public ScoringRules(
      Map<ActivityType, Integer> weights,
      Map<String, Integer> titlePoints,
      int mqlLow,
      int mqlHigh,
      int sql,
      ScoreBand handoffBand) {
    this(weights, titlePoints, Map.of(), Map.of(), mqlLow, mqlHigh, sql, handoffBand);
  }

  /**
   * @param sizePoints fit by company size: the smallest head count of each size band → its points
   *     (a company gets the points of the largest band it reaches)
   * @param industryPoints fit by industry: industry name (any case) → points
   * @throws IllegalArgumentException naming what is wrong, when a weight is missing, a size band
   *     starts below 1 or the bands do not rise
   */
  public ScoringRules(
      Map<ActivityType, Integer> weights,
      Map<String, Integer> titlePoints,
      Map<Integer, Integer> sizePoints,
      Map<String, Integer> industryPoints,
      int mqlLow,
      int mqlHigh,
      int sql,
      ScoreBand handoffBand) {
    for (Integer from : sizePoints.keySet()) {
      if (from < 1) {
        throw new IllegalArgumentException(
            "a company size band starts at 1 employee or more, got " + from);
      }
    }
    for (ActivityType type : ActivityType.values()) {
      if (!weights.containsKey(type)) {
        throw new IllegalArgumentException("no weight for " + type);
      }
    }
    if (mqlLow < 1 || mqlHigh <= mqlLow || sql <= mqlHigh) {
      throw new IllegalArgumentException(
          "bands must rise: 1 <= mql-low < mql-high < sql, got "
              + mqlLow
              + ", "
              + mqlHigh
              + ", "
              + sql);
    }
    if (handoffBand == ScoreBand.LEAD) {
      throw new IllegalArgumentException("the hand-off band must be MQL_LOW, MQL_HIGH or SQL");
    }
    this.weights = new EnumMap<>(weights);
    this.titlePoints = new LinkedHashMap<>();
    titlePoints.forEach(
        (word, points) -> this.titlePoints.put(word.toLowerCase(Locale.ROOT), points));
    this.sizePoints = new TreeMap<>(sizePoints);
    this.industryPoints = new HashMap<>();
    industryPoints.forEach(
        (industry, points) -> this.industryPoints.put(industryKey(industry), points));
    this.mqlLow = mqlLow;
    this.mqlHigh = mqlHigh;
    this.sql = sql;
    this.handoffBand = handoffBand;
  }

  public int weight(ActivityType type) {
    return weights.get(type);
  }

  /** Fit points for a role: the highest of the configured title words it contains, or 0. */
  public int fit(String title) {
    if (title == null) {
      return 0;
    }
    String lower = title.toLowerCase(Locale.ROOT);
    return titlePoints.entrySet().stream()
        .filter(e -> lower.contains(e.getKey()))
        .mapToInt(Map.Entry::getValue)
        .max()
        .orElse(0);
  }

  /** Fit points for a company of this head count: its size band's, or 0 below every band. */
  public int fitCompanySize(int employees) {
    Map.Entry<Integer, Integer> band = sizePoints.floorEntry(employees);
    return band == null ? 0 : band.getValue();
  }

  /** Fit points for an industry (compared trimmed and case-insensitively), or 0. */
  public int fitIndustry(String industry) {
    return industry == null ? 0 : industryPoints.getOrDefault(industryKey(industry), 0);
  }

  private static String industryKey(String industry) {
    return industry.trim().toLowerCase(Locale.ROOT);
  }

  public ScoreBand band(int score) {
    if (score >= sql) {
      return ScoreBand.SQL;
    }
    if (score >= mqlHigh) {
      return ScoreBand.MQL_HIGH;
    }
    if (score >= mqlLow) {
      return ScoreBand.MQL_LOW;
    }
    return ScoreBand.LEAD;
  }

  /** Whether a lead in this band is an MQL Inside Sales should call. */
  public boolean handsOff(ScoreBand band) {
    return band.compareTo(handoffBand) >= 0;
  }
}
