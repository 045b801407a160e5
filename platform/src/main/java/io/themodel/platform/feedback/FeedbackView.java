package io.themodel.platform.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import java.time.Instant;
import java.util.UUID;

/**
 * One piece of feedback as this department knows it: given by it or addressed to it, and how far
 * the receiver took it. The body of every {@code /feedback} answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackView(
    UUID feedbackId,
    Direction direction,
    Department from,
    FeedbackParty to,
    UUID leadId,
    UUID accountId,
    FeedbackCategory category,
    String about,
    String text,
    String givenBy,
    Instant givenAt,
    FeedbackStatus status,
    String acknowledgedBy,
    Instant acknowledgedAt,
    String comment,
    String actedBy,
    Instant actedAt,
    String action) {

  /** Whether this department gave the feedback or receives it. */
  public enum Direction {
    GIVEN,
    RECEIVED
  }

  /** The feedback as its giver published it. */
  public FeedbackGiven given() {
    return new FeedbackGiven(
        feedbackId, from, to, leadId, accountId, category, about, text, givenBy);
  }
}
