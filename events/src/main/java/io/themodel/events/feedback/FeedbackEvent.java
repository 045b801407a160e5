package io.themodel.events.feedback;

import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import java.util.UUID;

/**
 * The reverse-direction feedback loop (逆の流れ): feedback one department gives another (or product),
 * and the receiver's acknowledgement and action. Unlike the other families these events are
 * published by more than one department, each on its own topic: {@link #publishedBy()} says which
 * ({@code EventType.departmentOf(event)}).
 */
public sealed interface FeedbackEvent extends DomainEvent
    permits FeedbackGiven, FeedbackAcknowledged, FeedbackActedOn {

  /** The feedback this event is about; the stream id of the feedback in each department's store. */
  UUID feedbackId();

  /** The department that published this event: its topic carries it, its service is the source. */
  Department publishedBy();
}
