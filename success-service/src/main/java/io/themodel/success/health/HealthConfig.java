package io.themodel.success.health;

import io.smallrye.config.ConfigMapping;

/** {@code themodel.health.*}: the health score's weights, window, thresholds and signals. */
@ConfigMapping(prefix = "themodel.health")
public interface HealthConfig {

  /** When the daily scoring runs (Quarkus cron, {@code off} to disable). */
  String cron();

  Weights weights();

  int windowDays();

  int healthyThreshold();

  int riskThreshold();

  int usageDropPercent();

  int noLoginDays();

  int detractorMaxNps();

  int renewalDays();

  int ticketPenalty();

  /** Component weights. */
  interface Weights {
    int usage();

    int engagement();

    int support();

    int nps();
  }

  /** The policy; a bad value stops the service naming its key (see {@link HealthPolicy}). */
  default HealthPolicy policy() {
    Weights w = weights();
    return new HealthPolicy(
        new HealthPolicy.Weights(w.usage(), w.engagement(), w.support(), w.nps()),
        windowDays(),
        healthyThreshold(),
        riskThreshold(),
        usageDropPercent(),
        noLoginDays(),
        detractorMaxNps(),
        renewalDays(),
        ticketPenalty());
  }
}
