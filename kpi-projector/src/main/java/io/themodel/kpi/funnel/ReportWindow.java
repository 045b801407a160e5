package io.themodel.kpi.funnel;

import io.themodel.platform.problem.InvalidParameter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Which facts a figure looks at: those that happened in the period {@code [from, to)} and were
 * known as of {@code asOf} (default now). Without a period, all time up to {@code asOf}.
 */
public record ReportWindow(Instant from, Instant to, Instant asOf) {

  private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

  public static ReportWindow of(String from, String to, String asOf, Clock clock) {
    Instant at = blank(asOf) ? clock.instant() : parse("asOf", asOf);
    Instant start = blank(from) ? BEGINNING : parse("from", from);
    Instant end = blank(to) ? at.plusNanos(1) : parse("to", to);
    if (!end.isAfter(start)) {
      throw new InvalidParameter("to", "must be after from");
    }
    return new ReportWindow(start, end, at);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static Instant parse(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(name, "must be an ISO-8601 instant such as 2026-04-01T00:00:00Z");
    }
  }
}
