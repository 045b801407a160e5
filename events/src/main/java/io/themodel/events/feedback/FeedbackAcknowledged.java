package io.themodel.events.feedback;

import io.themodel.events.Department;
import java.util.UUID;

/**
 * The receiving department read the feedback and took it on ({@code leadId} copied from the
 * feedback, so it is keyed with the journey it is about). Published by the receiver ({@code by}).
 */
public record FeedbackAcknowledged(
    UUID feedbackId, Department by, UUID leadId, String acknowledgedBy, String comment)
    implements FeedbackEvent {

  @Override
  public Department publishedBy() {
    return by;
  }
}
