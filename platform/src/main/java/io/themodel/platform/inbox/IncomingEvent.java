package io.themodel.platform.inbox;

import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.platform.store.EventMetadata;
import java.time.Instant;
import java.util.UUID;

/** Another department's event as this service receives it from a topic. */
public record IncomingEvent(
    UUID eventId,
    EventType type,
    Instant occurredAt,
    UUID correlationId,
    String topic,
    DomainEvent event) {

  /** Metadata for the events this service appends in reaction: same flow, caused by this one. */
  public EventMetadata reaction(String actor) {
    return EventMetadata.reactionTo(eventId, correlationId, actor);
  }
}
