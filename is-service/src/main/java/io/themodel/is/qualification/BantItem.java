package io.themodel.is.qualification;

/** One item of BANT: budget, authority (the decision maker is known), need, timeline. */
public enum BantItem {
  BUDGET,
  AUTHORITY,
  NEED,
  TIMELINE
}
