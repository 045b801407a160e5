package io.themodel.events.lead;

/** The kind of rule that split a lead off from the marketing targets. */
public enum ExclusionReason {
  STUDENT,
  COMPETITOR,
  RETIREE,
  FREE_MAIL,
  ROLE_ADDRESS
}
