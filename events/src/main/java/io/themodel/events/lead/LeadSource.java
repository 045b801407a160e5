package io.themodel.events.lead;

/** Where a lead came from; each source has its own follow-up delay and priority. */
public enum LeadSource {
  WEB_FORM,
  SEMINAR,
  EVENT,
  DOWNLOAD,
  INQUIRY,
  REFERRAL,
  LIST_IMPORT
}
