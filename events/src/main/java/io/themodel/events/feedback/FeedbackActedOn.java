package io.themodel.events.feedback;

import io.themodel.events.Department;
import java.util.UUID;

/**
 * The receiving department changed something because of the feedback, and says what ({@code
 * action}). Published by the receiver ({@code by}); always after a {@link FeedbackAcknowledged}.
 */
public record FeedbackActedOn(
    UUID feedbackId, Department by, UUID leadId, String actedBy, String action)
    implements FeedbackEvent {

  @Override
  public Department publishedBy() {
    return by;
  }
}
