package io.themodel.platform.store;

import java.util.Objects;
import java.util.UUID;

/**
 * Who caused an append and why: the correlation id of the whole business flow, the event that
 * caused this one (for reactions), and the actor (a person's id or a consumer's name).
 */
public record EventMetadata(UUID correlationId, UUID causationId, String actor) {

  public EventMetadata {
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(actor, "actor");
  }

  /** A command from outside: a new flow unless the caller passed its correlation id. */
  public static EventMetadata command(UUID correlationId, String actor) {
    return new EventMetadata(
        correlationId == null ? UUID.randomUUID() : correlationId, null, actor);
  }

  /** A reaction to another department's event: same flow, caused by that event. */
  public static EventMetadata reactionTo(UUID eventId, UUID correlationId, String actor) {
    return new EventMetadata(correlationId == null ? eventId : correlationId, eventId, actor);
  }
}
