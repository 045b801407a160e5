package io.themodel.lead.scoring;

import io.smallrye.config.ConfigMapping;
import io.themodel.events.lead.ScoreBand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code themodel.scoring.*}: weights, fit, bands, the hand-off band and decay. */
@ConfigMapping(prefix = "themodel.scoring")
public interface ScoringConfig {

  /** Points per behaviour, e.g. {@code themodel.scoring.weights.seminar-attended=30}. */
  Map<ActivityType, Integer> weights();

  /** Fit by role: {@code word:points} pairs matched in the job title, e.g. {@code 部長:20}. */
  Optional<List<String>> fitTitles();

  /**
   * Fit by company size: {@code employees:points} pairs, each the smallest head count of a band,
   * e.g. {@code 50:10,300:20,1000:30}.
   */
  Optional<List<String>> fitCompanySizes();

  /** Fit by industry: {@code industry:points} pairs, e.g. {@code 製造業:20,manufacturing:20}. */
  Optional<List<String>> fitIndustries();

  Bands bands();

  /** Crossing into this band (or above) makes the lead an MQL automatically. */
  ScoreBand handoffBand();

  Decay decay();

  /** The score each band starts at. */
  interface Bands {
    int mqlLow();

    int mqlHigh();

    int sql();
  }

  /** Scores fade: {@code points} off a lead idle for {@code after}, checked on {@code cron}. */
  interface Decay {
    String cron();

    int points();

    Duration after();
  }
}
