package io.themodel.platform.store;

import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** An event as the store holds it: its place in the log and in its stream, and its metadata. */
public record StoredEvent(
    long position,
    String streamId,
    long streamVersion,
    UUID eventId,
    EventType type,
    Instant occurredAt,
    EventMetadata metadata,
    DomainEvent event) {}
