package io.themodel.lead.scoring;

/** The behaviour Marketing scores: each has a weight in configuration. */
public enum ActivityType {
  SEMINAR_ATTENDED,
  DOWNLOAD,
  INQUIRY,
  PAGE_VIEW,
  EMAIL_CLICK
}
