package io.themodel.platform.command;

/**
 * A command the domain refuses, with the reason the caller sees: what it names does not exist
 * (404), it conflicts with the current state (409), or a field holds a value the domain cannot
 * accept (422, naming the field).
 */
public class CommandRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a command was refused; each maps to one HTTP status. */
  public enum Reason {
    NOT_FOUND,
    CONFLICT,
    UNPROCESSABLE
  }

  private final Reason reason;
  private final String field;

  private CommandRejected(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  public static CommandRejected notFound(String message) {
    return new CommandRejected(Reason.NOT_FOUND, null, message);
  }

  /** Nothing is known by the id the request field {@code field} holds. */
  public static CommandRejected notFound(String field, String message) {
    return new CommandRejected(Reason.NOT_FOUND, field, message);
  }

  public static CommandRejected conflict(String message) {
    return new CommandRejected(Reason.CONFLICT, null, message);
  }

  /** The request field {@code field} names something whose state refuses the command. */
  public static CommandRejected conflict(String field, String message) {
    return new CommandRejected(Reason.CONFLICT, field, message);
  }

  public static CommandRejected unprocessable(String field, String message) {
    return new CommandRejected(Reason.UNPROCESSABLE, field, message);
  }

  public Reason reason() {
    return reason;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}
