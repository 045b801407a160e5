package io.themodel.bench;

import io.themodel.testing.kafka.KafkaBroker;
import io.themodel.testing.postgres.TestDatabase;
import io.themodel.testing.process.ServiceProcess;
import io.themodel.testing.process.ServiceProcess.Service;
import io.themodel.testing.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark phase runs on: a fresh Kafka broker of its own (KRaft, in this JVM, like the
 * tests') and packaged services started as processes (as e2e does, but with production's JVM
 * options), each on a scratch database {@code bench_<phase>_<database>} that is dropped at the end.
 */
final class BenchPlatform implements AutoCloseable {

  private final String phase;
  private final Path logs;
  private final List<String> jvmOptions;
  private final BenchClient client;
  private final KafkaBroker broker;
  private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
  private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
  private final List<String> databases = new ArrayList<>();

  BenchPlatform(
      String phase, Path work, int partitions, List<String> jvmOptions, BenchClient client)
      throws IOException {
    this.phase = phase;
    this.logs = work.resolve(phase);
    this.jvmOptions = jvmOptions;
    this.client = client;
    Path data = Files.createTempDirectory("themodel-bench-kafka-");
    this.broker = KafkaBroker.start(data, freePort(), freePort(), partitions, true);
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /**
   * Starts a service on a fresh scratch database and returns the milliseconds from process start to
   * {@code /q/health/ready} answering 200 (polled every 20 ms).
   */
  long start(Service service, Map<String, String> environment) {
    String database = TestDatabase.name("bench_" + phase + "_" + service.defaultDatabase());
    TestDatabase.recreate("bench_" + phase + "_" + service.defaultDatabase());
    databases.add(database);
    Map<String, String> env = new LinkedHashMap<>(Tokens.serviceEnvironment());
    env.put("THEMODEL_KAFKA_BOOTSTRAP", broker.bootstrapServers());
    env.put("THEMODEL_PG_URL", TestDatabase.serverUrl());
    env.put("THEMODEL_PG_USER", TestDatabase.user());
    env.put("THEMODEL_PG_PASSWORD", TestDatabase.password());
    env.put(service.databaseVariable(), database);
    env.putAll(environment);
    int port = freePort();
    env.put(service.portVariable(), Integer.toString(port));
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    // ServiceProcess.quarkusApp with our JVM options: the packaged app's own entry point, with the
    // one module opening its manifest asks for (honoured only under -jar).
    List<String> options = new ArrayList<>(jvmOptions);
    options.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    Path root = ServiceProcess.repositoryRoot();
    ServiceProcess process =
        ServiceProcess.javaMain(
                service.module(),
                service.jar(root).toString(),
                options,
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint",
                List.of(),
                env,
                root,
                logs.resolve(service.module() + ".log"),
                unused -> false)
            .stopWhenThisJvmExits();
    running.put(service, process);
    ports.put(service, port);
    long started = System.nanoTime();
    process.launch();
    long deadline = started + Duration.ofSeconds(180).toNanos();
    while (!client.ready(uri(service))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.awaitReady(Duration.ZERO); // throws, with the end of the log
      }
      sleep(20);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  URI uri(Service service) {
    process(service);
    return URI.create("http://127.0.0.1:" + ports.get(service));
  }

  ServiceProcess process(Service service) {
    ServiceProcess process = running.get(service);
    if (process == null) {
      throw new IllegalStateException(service.module() + " is not running in " + phase);
    }
    return process;
  }

  /** The scratch database's name of a started service. */
  String database(Service service) {
    return TestDatabase.name("bench_" + phase + "_" + service.defaultDatabase());
  }

  /** The resident set of a running service in MB, from {@code /proc/<pid>/status} (VmRSS). */
  double rssMegabytes(Service service) {
    long pid = process(service).pid();
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return kilobytes / 1024.0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no VmRSS for pid " + pid);
  }

  @Override
  public void close() {
    running.values().parallelStream().forEach(ServiceProcess::stop);
    broker.close();
    try (Connection admin = TestDatabase.connect("postgres");
        Statement statement = admin.createStatement()) {
      for (String database : databases) {
        statement.execute("drop database if exists \"" + database + "\" with (force)");
      }
    } catch (SQLException e) {
      System.err.println("could not drop the scratch databases " + databases + ": " + e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
