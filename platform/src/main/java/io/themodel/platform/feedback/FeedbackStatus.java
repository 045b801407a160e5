package io.themodel.platform.feedback;

/** How far the receiver took a piece of feedback. */
public enum FeedbackStatus {
  /** Given, not yet acknowledged. */
  OPEN,
  /** The receiver took it on. */
  ACKNOWLEDGED,
  /** The receiver changed something because of it. */
  ACTED_ON
}
