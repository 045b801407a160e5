package io.themodel.success.health;

/**
 * What the business tunes about the health score ({@code themodel.health.*}): component weights,
 * the scoring window, the band thresholds and each churn signal's trigger.
 *
 * @param windowDays days scored; usage drop compares them with the same number of days before
 * @param healthyThreshold a score at or above it is HEALTHY
 * @param riskThreshold a score under it is AT_RISK (and fires BELOW_THRESHOLD)
 * @param usageDropPercent USAGE_DROP fires when average active users fell by more than this
 * @param noLoginDays NO_LOGIN fires after this many days without a login
 * @param detractorMaxNps DETRACTOR_NPS fires when the latest NPS answer is at most this
 * @param renewalDays RENEWAL_AT_RISK fires when the contract ends within this many days and the
 *     score is under the healthy threshold
 * @param ticketPenalty points the support component loses per support ticket in the window
 */
public record HealthPolicy(
    Weights weights,
    int windowDays,
    int healthyThreshold,
    int riskThreshold,
    int usageDropPercent,
    int noLoginDays,
    int detractorMaxNps,
    int renewalDays,
    int ticketPenalty) {

  /** Checks every value; the message names the configuration key at fault. */
  public HealthPolicy {
    check(weights.usage() >= 0, "weights.usage", "must not be negative");
    check(weights.engagement() >= 0, "weights.engagement", "must not be negative");
    check(weights.support() >= 0, "weights.support", "must not be negative");
    check(weights.nps() >= 0, "weights.nps", "must not be negative");
    check(weights.total() > 0, "weights", "must not all be 0");
    check(windowDays >= 1 && windowDays <= 366, "window-days", "must be 1 to 366");
    check(
        healthyThreshold >= 0 && healthyThreshold <= 100, "healthy-threshold", "must be 0 to 100");
    check(
        riskThreshold >= 0 && riskThreshold <= healthyThreshold,
        "risk-threshold",
        "must be 0 to healthy-threshold");
    check(
        usageDropPercent >= 1 && usageDropPercent <= 100, "usage-drop-percent", "must be 1 to 100");
    check(noLoginDays >= 1, "no-login-days", "must be at least 1");
    check(detractorMaxNps >= 0 && detractorMaxNps <= 10, "detractor-max-nps", "must be 0 to 10");
    check(renewalDays >= 0, "renewal-days", "must not be negative");
    check(ticketPenalty >= 0 && ticketPenalty <= 100, "ticket-penalty", "must be 0 to 100");
  }

  private static void check(boolean valid, String key, String message) {
    if (!valid) {
      throw new IllegalStateException("themodel.health." + key + " " + message);
    }
  }

  /** Relative weight of each component in the score. */
  public record Weights(int usage, int engagement, int support, int nps) {
    int total() {
      return usage + engagement + support + nps;
    }
  }
}
