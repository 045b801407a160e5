package io.themodel.bench;

import io.themodel.testing.postgres.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingest benchmark's reference: pgbench running a single-row INSERT (a lead-sized row with a
 * jsonb column) as its whole transaction, at the same client counts, on the same server, in a
 * scratch database created and dropped here.
 */
final class PgBench implements AutoCloseable {

  /** What one pgbench run reported. */
  record Run(int clients, double transactionsPerSecond, double averageLatencyMillis) {}

  static final String SCRIPT =
      "\\set n random(1, 2000000000)\n"
          + "insert into lead_row (email, name, payload) values ('p' || :n || '-' || :client_id"
          + " || '@bench.example', 'Bench', '{\"source\": \"WEB_FORM\", \"campaign\": \"bench\","
          + " \"consent\": true}');\n";

  private static final Pattern TPS =
      Pattern.compile("tps = ([0-9.]+) \\((?:without initial connection time|excluding)");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

  private final String executable;
  private final String database;
  private final Path script;

  PgBench(String executable, Path work) throws IOException, SQLException {
    this.executable = executable;
    this.database = TestDatabase.name("bench_pgbench");
    TestDatabase.recreate("bench_pgbench");
    try (Connection connection = TestDatabase.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create table lead_row (id bigserial primary key, email text not null, name text not"
              + " null, payload jsonb not null, created_at timestamptz not null default now())");
    }
    Files.createDirectories(work);
    this.script = work.resolve("insert-lead-row.sql");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
  }

  /** Runs pgbench for {@code seconds} at {@code clients} clients. */
  Run run(int clients, int seconds) throws IOException, InterruptedException {
    URI server = URI.create(TestDatabase.serverUrl().substring("jdbc:".length()));
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.add("-n"); // no vacuum of pgbench's own tables: the script uses none
    command.add("-c");
    command.add(Integer.toString(clients));
    command.add("-j");
    command.add(Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())));
    command.add("-T");
    command.add(Integer.toString(seconds));
    command.add("-f");
    command.add(script.toString());
    command.add("-h");
    command.add(server.getHost());
    command.add("-p");
    command.add(Integer.toString(server.getPort() > 0 ? server.getPort() : 5432));
    command.add("-U");
    command.add(TestDatabase.user());
    command.add(database);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (!TestDatabase.password().isEmpty()) {
      builder.environment().put("PGPASSWORD", TestDatabase.password());
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("pgbench exited with " + exit + ":\n" + output);
    }
    return parse(clients, output);
  }

  static Run parse(int clients, String output) {
    Matcher tps = TPS.matcher(output);
    Matcher latency = LATENCY.matcher(output);
    if (!tps.find() || !latency.find()) {
      throw new IllegalStateException("cannot read pgbench's output:\n" + output);
    }
    return new Run(clients, Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)));
  }

  @Override
  public void close() {
    try (Connection admin = TestDatabase.connect("postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists \"" + database + "\" with (force)");
    } catch (SQLException e) {
      System.err.println("could not drop " + database + ": " + e);
    }
  }
}
