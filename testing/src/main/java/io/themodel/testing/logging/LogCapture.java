package io.themodel.testing.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The log lines a logger (and those below it) writes while the capture is open, each as its
 * formatted message (with the exception, if any) and the correlation id in the MDC when it was
 * written: {@code try (LogCapture log = LogCapture.of("")) { ... log.lines() ... }}.
 */
public final class LogCapture extends Handler implements AutoCloseable {

  /** One line: its text (message and exception) and the MDC's correlation id, or null. */
  public record Line(String text, String correlationId) {}

  private final Logger logger;
  private final Level level;
  private final List<Line> lines = new CopyOnWriteArrayList<>();

  private LogCapture(Logger logger, Level level) {
    this.logger = logger;
    this.level = logger.getLevel();
    if (level != null) {
      logger.setLevel(level);
    }
    logger.addHandler(this);
  }

  /** Captures what the named logger writes at its configured level ("" for every logger). */
  public static LogCapture of(String name) {
    return new LogCapture(Logger.getLogger(name), null);
  }

  /** Captures what the named logger writes, its level lowered to {@code level} meanwhile. */
  public static LogCapture of(String name, Level level) {
    return new LogCapture(Logger.getLogger(name), level);
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The lines' texts. */
  public List<String> texts() {
    return lines.stream().map(Line::text).toList();
  }

  public void clear() {
    lines.clear();
  }

  @Override
  public void publish(LogRecord record) {
    String message =
        record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    String correlation = record instanceof ExtLogRecord ext ? ext.getMdc("correlationId") : null;
    lines.add(
        new Line(
            message + " " + (record.getThrown() == null ? "" : record.getThrown()), correlation));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(level);
  }
}
