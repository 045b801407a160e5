package io.themodel.lead.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.Person;
import io.themodel.lead.capture.LeadIntake;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.problem.InvalidParameter;
import io.themodel.platform.store.ConcurrencyConflict;
import io.themodel.platform.store.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A list import: a CSV file with a header row, one lead per row, each row taken in by {@link
 * LeadIntake} in its own transaction, so a row is imported whole or not at all. The file is read
 * completely before the first row is imported: a file that is not CSV imports nothing.
 */
@ApplicationScoped
public class LeadImport {

  /** The most rows one upload may hold. */
  public static final int MAX_ROWS = 100_000;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final List<String> REQUIRED = List.of("name", "email", "companyname");

  /** What happened to one row. */
  public enum Status {
    ACCEPTED,
    DUPLICATE,
    REJECTED
  }

  /** One row's outcome; {@code row} counts data rows from 1. */
  public record RowReport(int row, Status status, UUID leadId, String reason) {}

  /** The whole file's outcome. */
  public record Report(
      int total, int accepted, int duplicates, int rejected, List<RowReport> rows) {}

  private final CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
  private final LeadIntake intake;

  LeadImport(LeadIntake intake) {
    this.intake = intake;
  }

  /**
   * Imports every row of the file.
   *
   * @param clientKey the upload's Idempotency-Key, or null: with a key, a re-sent upload imports
   *     nothing twice
   */
  public Report importCsv(String text, String clientKey, EventMetadata metadata) {
    List<String[]> lines = parse(text);
    if (lines.isEmpty()) {
      throw new InvalidParameter("body", "is empty: a header row is required");
    }
    Map<String, Integer> columns = header(lines.get(0));
    if (lines.size() - 1 > MAX_ROWS) {
      throw new InvalidParameter("body", "holds more than " + MAX_ROWS + " rows");
    }
    List<RowReport> rows = new ArrayList<>(lines.size() - 1);
    for (int i = 1; i < lines.size(); i++) {
      rows.add(importRow(i, new Row(lines.get(i), columns), clientKey, metadata));
    }
    return new Report(
        rows.size(),
        count(rows, Status.ACCEPTED),
        count(rows, Status.DUPLICATE),
        count(rows, Status.REJECTED),
        rows);
  }

  private List<String[]> parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String[]> lines = new ArrayList<>();
    try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(body)) {
      while (it.hasNextValue()) {
        String[] line = it.nextValue();
        if (line.length == 1 && line[0].isBlank()) {
          continue; // an empty line
        }
        lines.add(line);
        if (lines.size() > MAX_ROWS + 1) {
          throw new InvalidParameter("body", "holds more than " + MAX_ROWS + " rows");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidParameter invalid) {
        throw invalid;
      }
      throw new InvalidParameter("body", "is not valid CSV (" + firstLine(e.getMessage()) + ")");
    }
    return lines;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Map<String, Integer> header(String[] names) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      columns.put(names[i].trim().replace("_", "").toLowerCase(Locale.ROOT), i);
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        throw new InvalidParameter(
            "body",
            "has no column "
                + required
                + " in its header row (columns: source, campaign, name, email, phone, title,"
                + " companyName, consent)");
      }
    }
    return columns;
  }

  private RowReport importRow(int row, Row line, String clientKey, EventMetadata metadata) {
    String problem = line.problem();
    if (problem != null) {
      return new RowReport(row, Status.REJECTED, null, problem);
    }
    LeadSource source;
    try {
      source = line.source();
    } catch (IllegalArgumentException e) {
      return new RowReport(row, Status.REJECTED, null, e.getMessage());
    }
    try {
      LeadIntake.Result result =
          intake.take(
              new LeadIntake.Incoming(
                  source,
                  line.get("campaign"),
                  new Person(
                      line.get("name"), line.get("email"), line.get("phone"), line.get("title")),
                  line.get("companyname"),
                  line.consent(),
                  clientKey == null ? null : clientKey + ":row:" + row),
              metadata);
      Status status =
          result.outcome() == LeadIntake.Outcome.CAPTURED ? Status.ACCEPTED : Status.DUPLICATE;
      return new RowReport(row, status, result.leadId(), null);
    } catch (CommandRejected | ConcurrencyConflict rejected) {
      String field =
          rejected instanceof CommandRejected r && r.field() != null ? r.field() + ": " : "";
      return new RowReport(row, Status.REJECTED, null, field + rejected.getMessage());
    }
  }

  private static int count(List<RowReport> rows, Status status) {
    return (int) rows.stream().filter(r -> r.status() == status).count();
  }

  /** One data row, read by column name. */
  private record Row(String[] values, Map<String, Integer> columns) {

    String get(String column) {
      Integer index = columns.get(column);
      if (index == null || index >= values.length) {
        return null;
      }
      String value = values[index].trim();
      return value.isEmpty() ? null : value;
    }

    /** Why the row cannot be a lead, or null. */
    String problem() {
      for (String required : REQUIRED) {
        if (get(required) == null) {
          return required.equals("companyname")
              ? "companyName is required"
              : required + " is required";
        }
      }
      if (!EMAIL.matcher(get("email")).matches()) {
        return "email is not an email address";
      }
      String tooLong =
          tooLong("name", 200)
              + tooLong("email", 320)
              + tooLong("phone", 50)
              + tooLong("title", 200)
              + tooLong("companyname", 300)
              + tooLong("campaign", 200);
      if (!tooLong.isEmpty()) {
        return tooLong.trim();
      }
      String consent = get("consent");
      if (consent != null
          && !List.of("true", "false", "yes", "no", "1", "0")
              .contains(consent.toLowerCase(Locale.ROOT))) {
        return "consent must be true or false";
      }
      return null;
    }

    private String tooLong(String column, int max) {
      String value = get(column);
      return value != null && value.length() > max
          ? (column.equals("companyname") ? "companyName" : column)
              + " is longer than "
              + max
              + " characters "
          : "";
    }

    LeadSource source() {
      String value = get("source");
      if (value == null) {
        return LeadSource.LIST_IMPORT;
      }
      try {
        return LeadSource.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "source must be one of " + java.util.Arrays.toString(LeadSource.values()));
      }
    }

    boolean consent() {
      String value = get("consent");
      return value != null && List.of("true", "yes", "1").contains(value.toLowerCase(Locale.ROOT));
    }
  }
}
