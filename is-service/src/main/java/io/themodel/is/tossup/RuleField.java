package io.themodel.is.tossup;

/** A lead fact a toss-up condition can test. */
public enum RuleField {
  /** Annual revenue of the company, within min/max in the condition's currency. */
  COMPANY_REVENUE,
  /** Employees of the company, within min/max. */
  EMPLOYEES,
  /** The company's industry, among the values. */
  INDUSTRY,
  /** Every BANT item among the values holds. */
  BANT,
  /** Marketing's score band, among the values. */
  SCORE_BAND,
  /** Months from today until the customer's planned start, within min/max. */
  TIMING
}
