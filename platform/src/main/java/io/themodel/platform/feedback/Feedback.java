package io.themodel.platform.feedback;

import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.Decider;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One piece of feedback in the reverse loop (逆の流れ): given by a department to one upstream of it (or
 * to product), then acknowledged and acted on by the receiver. The giver decides {@link Give} on
 * its own stream; the receiver decides {@link Acknowledge} and {@link ActOn} on the feedback it
 * learnt from the giver's topic followed by its own stream.
 */
public final class Feedback implements Decider<Feedback.Command, Feedback.State, FeedbackEvent> {

  /** What a department can do with feedback. */
  public sealed interface Command permits Give, Acknowledge, ActOn {}

  /** Give this feedback (its {@code from} is the department giving it). */
  public record Give(FeedbackGiven feedback) implements Command {}

  /** The receiving department {@code by} takes the feedback on. */
  public record Acknowledge(Department by, String acknowledgedBy, String comment)
      implements Command {}

  /**
   * The receiving department {@code by} acted on the feedback; acknowledges it first if nobody had,
   * so every acted-on feedback has an acknowledgement (and a time to acknowledge).
   */
  public record ActOn(Department by, String actedBy, String action) implements Command {}

  /** The feedback as given (null before it was) and how far the receiver took it. */
  public record State(FeedbackGiven given, FeedbackStatus status) {

    public boolean exists() {
      return given != null;
    }

    /** The department that must acknowledge and act; empty for feedback to product. */
    public Optional<Department> receiver() {
      return given == null ? Optional.empty() : given.to().department();
    }
  }

  @Override
  public State initialState() {
    return new State(null, null);
  }

  @Override
  public List<FeedbackEvent> decide(Command command, State state, Clock clock) {
    if (command instanceof Give give) {
      return give(give.feedback(), state);
    }
    if (!state.exists()) {
      throw CommandRejected.notFound("no such feedback");
    }
    Department by = command instanceof Acknowledge ack ? ack.by() : ((ActOn) command).by();
    if (!state.receiver().equals(Optional.of(by))) {
      throw CommandRejected.conflict(
          "the feedback is addressed to "
              + state.given().to()
              + ": only its receiver acknowledges or acts on it");
    }
    UUID feedbackId = state.given().feedbackId();
    UUID leadId = state.given().leadId();
    if (command instanceof Acknowledge ack) {
      if (state.status() != FeedbackStatus.OPEN) {
        throw CommandRejected.conflict("the feedback was already acknowledged");
      }
      return List.of(
          new FeedbackAcknowledged(feedbackId, by, leadId, ack.acknowledgedBy(), ack.comment()));
    }
    ActOn act = (ActOn) command;
    if (state.status() == FeedbackStatus.ACTED_ON) {
      throw CommandRejected.conflict("the feedback was already acted on");
    }
    FeedbackActedOn actedOn =
        new FeedbackActedOn(feedbackId, by, leadId, act.actedBy(), act.action());
    if (state.status() == FeedbackStatus.OPEN) {
      return List.of(
          new FeedbackAcknowledged(feedbackId, by, leadId, act.actedBy(), null), actedOn);
    }
    return List.of(actedOn);
  }

  private static List<FeedbackEvent> give(FeedbackGiven feedback, State state) {
    if (state.exists()) {
      if (state.given().equals(feedback)) {
        return List.of(); // the same request again (same Idempotency-Key): nothing new happened
      }
      throw CommandRejected.conflict(
          "feedback " + feedback.feedbackId() + " was already given with other content");
    }
    if (!feedback.to().receivesFrom(feedback.from())) {
      throw CommandRejected.unprocessable(
          "to",
          feedback.from()
              + " cannot give feedback to "
              + feedback.to()
              + ": feedback goes upstream along the reverse loop (CS to field sales or"
              + " marketing, field sales to IS or marketing, IS to marketing), from field sales"
              + " to CS (the expectations set in the sale) or to PRODUCT");
    }
    return List.of(feedback);
  }

  @Override
  public State evolve(State state, FeedbackEvent event) {
    if (event instanceof FeedbackGiven given) {
      return new State(given, FeedbackStatus.OPEN);
    }
    if (event instanceof FeedbackAcknowledged) {
      return new State(state.given(), FeedbackStatus.ACKNOWLEDGED);
    }
    if (event instanceof FeedbackActedOn) {
      return new State(state.given(), FeedbackStatus.ACTED_ON);
    }
    throw new IllegalArgumentException("not a feedback event: " + event);
  }
}
