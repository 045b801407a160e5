package io.themodel.events.lead;

/** Lead score bands: Lead (no score), MQL low (1–49), MQL high (50–99), SQL (100+). */
public enum ScoreBand {
  LEAD,
  MQL_LOW,
  MQL_HIGH,
  SQL
}
