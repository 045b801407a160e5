package io.themodel.bench;

import io.themodel.testing.postgres.TestDatabase;
import io.themodel.testing.process.ServiceProcess;
import io.themodel.testing.process.ServiceProcess.Service;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ./themodel bench}: every benchmark of issue 13 next to its raw reference, in one run on
 * this machine's PostgreSQL and a real Kafka broker; prints a table and writes it as JSON to {@code
 * bench/results/<timestamp>.json}. Figures never fail the run: a missed target is a "NO" in the
 * table. Settings are system properties (see bench/README.md).
 */
public final class Bench {

  private static final long MILLION = 1_000_000;

  private final Results results = new Results();
  private final Map<Integer, PgBench.Run> reference = new java.util.HashMap<>();
  private final BenchClient client = new BenchClient();
  private final Set<String> only;
  private final List<String> jvmOptions;
  private final Path root = ServiceProcess.repositoryRoot();
  private final Path work = root.resolve("bench").resolve("target").resolve("run");
  private final int partitions = intProperty("bench.partitions", 3);

  private Bench() {
    only =
        Arrays.stream(
                System.getProperty("bench.only", "footprint,e2e,ingest,relay,replay").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());
    jvmOptions =
        Arrays.stream(
                System.getProperty(
                        "bench.jvm.options",
                        // The heap a pod's 768 MiB limit gives (max 576 MiB, initial 12 MiB).
                        "-XX:MaxRAM=768m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
                            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
                    .trim()
                    .split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList();
  }

  public static void main(String[] args) throws Exception {
    new Bench().run();
    // The services' HTTP client threads and the brokers' leftovers must not keep the JVM.
    System.exit(0);
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    context();
    System.out.println("Benchmarks " + only + "; services run with " + jvmOptions);
    if (only.contains("ingest")) {
      guarded("pgbench", this::pgbench);
    }
    if (only.contains("footprint") || only.contains("e2e") || only.contains("ingest")) {
      guarded("platform", this::platform);
    }
    if (only.contains("relay")) {
      guarded("relay", this::relay);
    }
    if (only.contains("replay")) {
      guarded("replay", this::replay);
    }
    results.context("totalSeconds", (System.nanoTime() - started) / 1_000_000_000L);
    Path file = results.write(root.resolve(System.getProperty("bench.results", "bench/results")));
    System.out.println();
    System.out.print(results.table());
    System.out.printf(
        "%nWritten to %s (%d s in all)%n",
        root.relativize(file), (System.nanoTime() - started) / 1_000_000_000L);
  }

  /** A benchmark that fails is reported as failed, and the others still run. */
  private void guarded(String name, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      System.out.println("  " + name + " FAILED: " + e);
      e.printStackTrace(System.out);
      results.context(name + ".error", e.toString());
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private void context() throws Exception {
    results.context("date", Instant.now().toString());
    results.context("cores", Runtime.getRuntime().availableProcessors());
    results.context("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    results.context("serviceJvmOptions", String.join(" ", jvmOptions));
    results.context("kafkaPartitions", partitions);
    try (Connection connection = TestDatabase.connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("show server_version")) {
      version.next();
      results.context("postgresql", version.getString(1));
    }
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("bench."))
        .sorted()
        .forEach(name -> results.context(name, System.getProperty(name)));
  }

  /** Footprint, end to end and ingest: the five services on one broker. */
  private void platform() throws Exception {
    System.out.println("== the five services, started one after the other");
    try (BenchPlatform platform =
        new BenchPlatform("platform", work, partitions, jvmOptions, client)) {
      Map<Service, Long> readyMillis = new EnumMap<>(Service.class);
      for (Service service : Service.values()) {
        readyMillis.put(service, platform.start(service, Map.of()));
      }
      BenchPlatform.sleep(5_000);
      Map<Service, Double> idle = new EnumMap<>(Service.class);
      for (Service service : Service.values()) {
        idle.put(service, platform.rssMegabytes(service));
      }
      if (only.contains("footprint")) {
        for (Service service : Service.values()) {
          long millis = readyMillis.get(service);
          results.add(
              Row.of("footprint", service.module() + " ready", millis, "ms")
                  .target("<= 3000 ms", millis <= 3000));
        }
        for (Service service : Service.values()) {
          results.add(Row.of("footprint", service.module() + " RSS idle", idle.get(service), "MB"));
        }
      }
      URI lead = platform.uri(Service.LEAD);
      URI kpi = platform.uri(Service.KPI);
      if (only.contains("e2e")) {
        endToEnd(lead, kpi);
      }
      if (only.contains("ingest")) {
        ingest(lead);
        if (only.contains("footprint")) {
          for (Service service : Service.values()) {
            double rss = platform.rssMegabytes(service);
            results.add(
                Row.of("footprint", service.module() + " RSS after ingest", rss, "MB")
                    .target("<= 200 MB", rss <= 200));
          }
        }
      }
    }
  }

  private void endToEnd(URI lead, URI kpi) throws Exception {
    int rate = intProperty("bench.e2e.rate", 200);
    int warmUp = intProperty("bench.e2e.warmup", 5);
    int seconds = intProperty("bench.e2e.seconds", 20);
    System.out.printf(
        "== end to end: POST /leads at %d/s for %d s (+%d s warm-up), GET /funnel polled%n",
        rate, seconds, warmUp);
    long base = client.leadsCaptured(kpi);
    Load.Poller poller =
        new Load.Poller(
            () -> client.leadsCaptured(kpi),
            Duration.ofMillis(intProperty("bench.e2e.poll-millis", 50)));
    Thread polling = new Thread(poller, "funnel-poller");
    polling.start();
    long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp);
    Load.OpenLoop sent = new Load(client, lead, "e2e").openLoop(rate, warmUp + seconds);
    long expected = base + sent.acceptedAt().size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (poller.latest() < expected && System.nanoTime() < deadline) {
      BenchPlatform.sleep(50);
    }
    poller.stop();
    polling.join();
    Latencies latencies =
        Visibility.latencies(sent.acceptedAt(), poller.observations(), base, measureFrom);
    long polls = poller.observations().size();
    System.out.printf(
        "  %,d accepted, %,d failed, %,d visible; GET /funnel polled %,d times (%,d failed)%n",
        sent.acceptedAt().size(), sent.failed(), latencies.size(), polls, poller.failures());
    results.context("e2e.accepted", sent.acceptedAt().size());
    results.context("e2e.failed", sent.failed());
    results.context("e2e.failedByStatus", sent.failures().toString());
    results.context("e2e.funnelPolls", polls);
    results.context("e2e.countBefore", base);
    results.context("e2e.countAtEnd", poller.latest());
    double achieved = sent.acceptedAt().size() / (double) (warmUp + seconds);
    results.add(Row.of("end-to-end", "commands accepted at " + rate + "/s", achieved, "/s"));
    results.add(
        Row.of(
            "end-to-end", "accepted -> in GET /funnel p50", latencies.percentileMillis(50), "ms"));
    double p99 = latencies.percentileMillis(99);
    results.add(
        Row.of("end-to-end", "accepted -> in GET /funnel p99", p99, "ms")
            .target("<= 250 ms", p99 <= 250));
  }

  private static int[] clientCounts() {
    return Arrays.stream(System.getProperty("bench.ingest.clients", "8,32,64").split(","))
        .map(String::trim)
        .mapToInt(Integer::parseInt)
        .toArray();
  }

  /**
   * The ingest reference, before any service runs: their connection pools and 64 pgbench clients
   * would not fit in a default max_connections of 100 together.
   */
  private void pgbench() throws Exception {
    int seconds = intProperty("bench.ingest.seconds", 15);
    System.out.printf("== ingest reference: pgbench single-row INSERT, %d s each%n", seconds);
    try (PgBench pgbench =
        new PgBench(System.getProperty("bench.pgbench", "/usr/bin/pgbench"), work)) {
      for (int clients : clientCounts()) {
        PgBench.Run run;
        try {
          run = pgbench.run(clients, seconds);
        } catch (IllegalStateException e) {
          // e.g. the server's max_connections, when other clients hold many: no reference.
          System.out.println("  pgbench " + clients + " clients failed: " + e.getMessage());
          results.context("pgbench." + clients + ".error", e.getMessage());
          run = new PgBench.Run(clients, Double.NaN, Double.NaN);
        }
        reference.put(clients, run);
        System.out.printf(
            Locale.ROOT,
            "  pgbench %d clients: %,.0f tps, %.2f ms average%n",
            clients,
            run.transactionsPerSecond(),
            run.averageLatencyMillis());
      }
    }
  }

  private void ingest(URI lead) throws Exception {
    int warmUp = intProperty("bench.ingest.warmup", 5);
    int seconds = intProperty("bench.ingest.seconds", 15);
    int[] clientCounts = clientCounts();
    System.out.printf("== ingest: POST /leads, %d s each (+%d s warm-up)%n", seconds, warmUp);
    Load load = new Load(client, lead, "ingest");
    for (int clients : clientCounts) {
      Load.Closed run = load.closedLoop(clients, warmUp, seconds);
      System.out.printf(
          Locale.ROOT,
          "  POST /leads %d clients: %,d accepted, %,d failed%n",
          clients,
          run.accepted(),
          run.failed());
      results.context("ingest." + clients + ".failed", run.failed());
      PgBench.Run pg =
          reference.getOrDefault(clients, new PgBench.Run(clients, Double.NaN, Double.NaN));
      double ratio = run.perSecond() / pg.transactionsPerSecond();
      Row rate =
          Row.of("ingest", "commands/s at " + clients + " clients", run.perSecond(), "/s")
              .reference(pg.transactionsPerSecond());
      results.add(clients == 32 ? rate.target(">= 0.5x pgbench", ratio >= 0.5) : rate);
      results.add(
          Row.of(
                  "ingest",
                  "p50 at " + clients + " clients (ref: pgbench mean)",
                  run.latencies().percentileMillis(50),
                  "ms")
              .reference(pg.averageLatencyMillis()));
      double p99 = run.latencies().percentileMillis(99);
      Row tail = Row.of("ingest", "p99 at " + clients + " clients", p99, "ms");
      results.add(clients == 32 ? tail.target("<= 50 ms", p99 <= 50) : tail);
    }
  }

  private void relay() throws Exception {
    long events = longProperty("bench.relay.events", MILLION);
    System.out.printf("== relay: %,d events from lead-service's event store to Kafka%n", events);
    try (BenchPlatform platform =
        new BenchPlatform("relay", work, partitions, jvmOptions, client)) {
      RelayBench.Figures figures = RelayBench.run(platform, client, events);
      results.context("relay.recordBytes", figures.recordBytes());
      results.context("relay.appendSeconds", figures.appendSeconds());
      results.add(
          Row.of(
                  "relay",
                  "events/s store -> Kafka (" + events + ")",
                  figures.relayPerSecond(),
                  "/s")
              .reference(figures.producerPerSecond())
              .target(
                  ">= 0.3x raw producer",
                  figures.relayPerSecond() >= 0.3 * figures.producerPerSecond()));
      results.add(
          Row.of("relay", "time to drain", figures.relaySeconds(), "s")
              .reference(figures.producerSeconds()));
    }
  }

  private void replay() throws Exception {
    long events = longProperty("bench.replay.events", MILLION);
    System.out.printf("== replay: kpi-projector rebuilds a log of %,d events%n", events);
    try (BenchPlatform platform =
        new BenchPlatform("replay", work, partitions, jvmOptions, client)) {
      ReplayBench.Figures figures =
          ReplayBench.run(
              platform,
              client,
              events,
              Duration.ofSeconds(longProperty("bench.replay.timeout", 900)));
      results.context("replay.generatorSeconds", figures.generatorSeconds());
      results.context("replay.rebuildState", figures.state());
      results.context("replay.eventsApplied", figures.applied());
      results.add(
          Row.of(
                  "replay",
                  "rebuild events/s (" + figures.consumed() + ")",
                  figures.rebuildPerSecond(),
                  "/s")
              .reference(figures.consumerPerSecond())
              .target(
                  ">= 0.25x raw consumer",
                  figures.state().equals("DONE")
                      && figures.rebuildPerSecond() >= 0.25 * figures.consumerPerSecond()));
      // 20 s for a million events, in proportion for other sizes.
      double allowed = 20.0 * figures.consumed() / MILLION;
      results.add(
          Row.of("replay", "rebuild total time", figures.rebuildSeconds(), "s")
              .reference(figures.consumerSeconds())
              .target(
                  String.format(Locale.ROOT, "<= %.1f s (20 s per 1M)", allowed),
                  figures.state().equals("DONE") && figures.rebuildSeconds() <= allowed));
    }
  }

  private static int intProperty(String name, int fallback) {
    return (int) longProperty(name, fallback);
  }

  private static long longProperty(String name, long fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.replace("_", ""));
  }
}
