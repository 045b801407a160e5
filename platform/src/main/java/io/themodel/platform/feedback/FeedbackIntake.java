package io.themodel.platform.feedback;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.arc.properties.StringValueMatch;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this department learns of feedback from the topics it reads: a {@code FeedbackGiven}
 * addressed to it enters its inbox of received feedback; the receiver's acknowledgement and action
 * on feedback this department gave move that feedback's status. A service's own {@code @Incoming}
 * methods hand every feedback event to {@link #receive} inside {@code EventInbox.receive}, so each
 * is applied once.
 */
@ApplicationScoped
@IfBuildProperty(
    name = FeedbackViews.DEPARTMENT,
    stringValue = FeedbackViews.DEPARTMENTS,
    match = StringValueMatch.REGEX)
public class FeedbackIntake {

  private final FeedbackViews views;
  private final Department department;

  FeedbackIntake(
      FeedbackViews views, @ConfigProperty(name = FeedbackViews.DEPARTMENT) Department department) {
    this.views = views;
    this.department = department;
  }

  /** Applies a feedback event from another department's topic; others are ignored. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void receive(IncomingEvent incoming) {
    if (incoming.event() instanceof FeedbackGiven given) {
      if (given.to().department().equals(Optional.of(department)) && given.from() != department) {
        views.insert(given, FeedbackView.Direction.RECEIVED, incoming.occurredAt());
      }
    } else if (incoming.event() instanceof FeedbackAcknowledged ack) {
      if (givenHere(ack.feedbackId())) {
        views.acknowledged(ack, incoming.occurredAt());
      }
    } else if (incoming.event() instanceof FeedbackActedOn acted) {
      if (givenHere(acted.feedbackId())) {
        views.actedOn(acted, incoming.occurredAt());
      }
    }
  }

  private boolean givenHere(java.util.UUID feedbackId) {
    return views
        .find(feedbackId)
        .filter(view -> view.direction() == FeedbackView.Direction.GIVEN)
        .isPresent();
  }
}
