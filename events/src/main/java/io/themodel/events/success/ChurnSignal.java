package io.themodel.events.success;

/** A reason to fear a customer will leave; thresholds are success-service configuration. */
public enum ChurnSignal {
  /** The health score fell under the risk threshold. */
  BELOW_THRESHOLD,
  /** Average active users fell by more than the configured share against the previous window. */
  USAGE_DROP,
  /** Nobody logged in for the configured number of days. */
  NO_LOGIN,
  /** The latest NPS answer is a detractor's. */
  DETRACTOR_NPS,
  /** The contract ends within the configured days and health is not good. */
  RENEWAL_AT_RISK
}
