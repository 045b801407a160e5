package io.themodel.events.success;

/** Where a health score falls: at or above the healthy threshold, under the risk one, between. */
public enum HealthBand {
  HEALTHY,
  WATCH,
  AT_RISK
}
