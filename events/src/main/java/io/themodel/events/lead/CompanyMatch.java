package io.themodel.events.lead;

/**
 * How a lead's company was resolved in the golden master: its normalised name matched a known
 * company directly or through the reading/alias table, its email domain matched one, or it is a new
 * company.
 */
public enum CompanyMatch {
  NAME,
  ALIAS,
  EMAIL_DOMAIN,
  NEW_COMPANY
}
