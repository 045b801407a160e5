package io.themodel.platform.feedback;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.arc.properties.StringValueMatch;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.EventStore;
import io.themodel.platform.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs this department's feedback commands: folds what it knows of the feedback (the giver's {@code
 * FeedbackGiven} for received feedback, then its own stream), decides with {@link Feedback},
 * appends to its event store (the relay publishes on its topic) and updates {@link FeedbackViews},
 * in one transaction.
 */
@ApplicationScoped
@IfBuildProperty(
    name = FeedbackViews.DEPARTMENT,
    stringValue = FeedbackViews.DEPARTMENTS,
    match = StringValueMatch.REGEX)
public class FeedbackCommands {

  static final String STREAM_TYPE = "feedback";

  private final Feedback feedback = new Feedback();
  private final EventStore store;
  private final FeedbackViews views;
  private final Clock clock;
  private final Department department;

  FeedbackCommands(
      EventStore store,
      FeedbackViews views,
      Clock clock,
      @ConfigProperty(name = FeedbackViews.DEPARTMENT) Department department) {
    this.store = store;
    this.views = views;
    this.clock = clock;
    this.department = department;
  }

  /** The department this service is. */
  public Department department() {
    return department;
  }

  /** Gives feedback from this department; the same feedback again changes nothing. */
  @Transactional
  public FeedbackView give(FeedbackGiven given, EventMetadata metadata) {
    if (given.from() != department) {
      throw new IllegalArgumentException(department + " cannot give feedback from " + given.from());
    }
    run(given.feedbackId(), new Feedback.Give(given), metadata);
    return views.find(given.feedbackId()).orElseThrow();
  }

  /** Acknowledges feedback addressed to this department. */
  @Transactional
  public FeedbackView acknowledge(
      UUID feedbackId, String acknowledgedBy, String comment, EventMetadata metadata) {
    run(feedbackId, new Feedback.Acknowledge(department, acknowledgedBy, comment), metadata);
    return views.find(feedbackId).orElseThrow();
  }

  /** Records what this department did about feedback addressed to it. */
  @Transactional
  public FeedbackView actOn(
      UUID feedbackId, String actedBy, String action, EventMetadata metadata) {
    run(feedbackId, new Feedback.ActOn(department, actedBy, action), metadata);
    return views.find(feedbackId).orElseThrow();
  }

  private void run(UUID feedbackId, Feedback.Command command, EventMetadata metadata) {
    String streamId = feedbackId.toString();
    List<StoredEvent> stream = store.load(streamId);
    List<FeedbackEvent> history = new ArrayList<>();
    Optional<FeedbackView> known = views.find(feedbackId);
    if (known.isPresent() && known.get().direction() == FeedbackView.Direction.RECEIVED) {
      // Received feedback was published by the giver; this store holds only what we did about it.
      history.add(known.get().given());
    } else if (known.isEmpty() && !(command instanceof Feedback.Give)) {
      throw CommandRejected.notFound("no feedback " + feedbackId + " given or received here");
    }
    for (StoredEvent stored : stream) {
      history.add((FeedbackEvent) stored.event());
    }
    Feedback.State state = feedback.fold(history);
    List<FeedbackEvent> decided = feedback.decide(command, state, clock);
    for (StoredEvent stored :
        store.append(streamId, STREAM_TYPE, stream.size(), decided, metadata)) {
      project(stored.event(), stored);
    }
  }

  private void project(DomainEvent event, StoredEvent stored) {
    if (event instanceof FeedbackGiven given) {
      views.insert(given, FeedbackView.Direction.GIVEN, stored.occurredAt());
    } else if (event instanceof FeedbackAcknowledged ack) {
      views.acknowledged(ack, stored.occurredAt());
    } else if (event instanceof FeedbackActedOn acted) {
      views.actedOn(acted, stored.occurredAt());
    }
  }
}
