package io.themodel.events.feedback;

import io.themodel.events.Department;
import java.util.UUID;

/**
 * A department gave feedback to a department upstream of it (or Field Sales to Customer Success),
 * or to product: about which lead or account (either may be absent), a category, a one-line {@code
 * about} and the text. Published by the giver ({@code from}) on its own topic; the receiver learns
 * it from there.
 */
public record FeedbackGiven(
    UUID feedbackId,
    Department from,
    FeedbackParty to,
    UUID leadId,
    UUID accountId,
    FeedbackCategory category,
    String about,
    String text,
    String givenBy)
    implements FeedbackEvent {

  @Override
  public Department publishedBy() {
    return from;
  }
}
