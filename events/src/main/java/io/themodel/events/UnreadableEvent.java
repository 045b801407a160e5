package io.themodel.events;

/**
 * A record that is not a valid CloudEvent of the catalogue: bad JSON, a missing attribute, an
 * unknown type or data that fails its schema. Such records go to the dead-letter topic.
 */
public class UnreadableEvent extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableEvent(String message) {
    super(message);
  }

  public UnreadableEvent(String message, Throwable cause) {
    super(message, cause);
  }
}
