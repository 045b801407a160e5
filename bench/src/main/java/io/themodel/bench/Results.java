package io.themodel.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of a run: printed as a table as they come, written as JSON at the end. */
final class Results {

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> context = new LinkedHashMap<>();
  private final Instant started = Instant.now();

  synchronized void add(Row row) {
    rows.add(row);
    System.out.println("  " + line(row));
  }

  /** The run's settings and the machine, written into the JSON. */
  synchronized void context(String key, Object value) {
    context.put(key, value);
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The whole table. */
  synchronized String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-11s %-44s %14s %14s %7s %-34s %s%n",
            "benchmark",
            "figure",
            "value",
            "reference",
            "ratio",
            "target",
            "met?"));
    rows.forEach(row -> out.append(line(row)).append('\n'));
    return out.toString();
  }

  private static String line(Row row) {
    return String.format(
        Locale.ROOT,
        "%-11s %-44s %14s %14s %7s %-34s %s",
        row.benchmark(),
        row.figure() + " (" + row.unit() + ")",
        number(row.value()),
        row.reference() == null ? "-" : number(row.reference()),
        row.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.ratio()),
        row.target() == null ? "-" : row.target(),
        row.met() == null ? "-" : row.met() ? "yes" : "NO");
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** Writes {@code <directory>/<timestamp>.json} and returns its path. */
  synchronized Path write(Path directory) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("startedAt", started.toString());
    root.put("finishedAt", Instant.now().toString());
    root.set("context", json.valueToTree(context));
    ArrayNode list = root.putArray("results");
    for (Row row : rows) {
      ObjectNode node = list.addObject();
      node.put("benchmark", row.benchmark());
      node.put("figure", row.figure());
      node.put("unit", row.unit());
      putNumber(node, "value", row.value());
      if (row.reference() != null) {
        putNumber(node, "reference", row.reference());
      } else {
        node.putNull("reference");
      }
      if (row.ratio() != null) {
        node.put("ratio", Math.round(row.ratio() * 1000) / 1000.0);
      } else {
        node.putNull("ratio");
      }
      node.put("target", row.target());
      if (row.met() == null) {
        node.putNull("met");
      } else {
        node.put("met", row.met());
      }
    }
    String name =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(started)
            + ".json";
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(name);
      json.writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, Math.round(value * 100) / 100.0);
    }
  }
}
