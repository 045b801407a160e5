package io.themodel.dev;

import io.themodel.dev.generator.GenerateCommand;
import io.themodel.events.Department;
import io.themodel.events.Role;
import io.themodel.testing.journey.JourneyDriver;
import io.themodel.testing.kafka.KafkaBroker;
import io.themodel.testing.postgres.TestDatabase;
import io.themodel.testing.process.ServiceProcess;
import io.themodel.testing.process.ServiceProcess.Service;
import io.themodel.testing.security.Tokens;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole platform on this machine: {@code up} starts PostgreSQL if it is installed but down,
 * creates the five databases, starts a Kafka broker and the five packaged services as processes of
 * their own, runs the demo journeys and prints where to look; {@code down} stops what {@code up}
 * started (services first, the broker last); {@code status} says what runs. State lives in {@code
 * .themodel/} under the repository root: the broker's data, logs, and the pids of what runs.
 * Started by {@code ./themodel}, which builds first.
 */
public final class LocalPlatform {

  private static final String BROKER = "kafka";
  private static final String BROKER_MARKER = "-Dthemodel.process=kafka";
  private static final int BROKER_PORT = 9092;
  private static final int CONTROLLER_PORT = 9093;
  private static final int PARTITIONS = 3;
  private static final Duration BROKER_START = Duration.ofSeconds(60);
  private static final Duration SERVICES_START = Duration.ofSeconds(180);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  /** How long the tokens {@code up} and {@code token} print stay valid. */
  private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

  /** Simulated days {@code up} runs, so that the funnel page shows a living funnel at once. */
  private static final int UP_DAYS = 21;

  private final Path root;
  private final Path state;
  private final Path logs;
  private final Path pids;
  private final PrintStream out;

  LocalPlatform(Path root, PrintStream out) {
    this.root = root;
    this.state = root.resolve(".themodel");
    this.logs = state.resolve("logs");
    this.pids = state.resolve("pids");
    this.out = out;
  }

  public static void main(String[] args) {
    LocalPlatform platform = new LocalPlatform(ServiceProcess.repositoryRoot(), System.out);
    String command = args.length == 0 ? "" : args[0];
    List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    try {
      int exit =
          switch (command) {
            case "up" ->
                platform.up(!options.contains("--no-demo"), options.contains("--fresh"), options);
            case "down" -> platform.down();
            case "status" -> platform.status();
            case "demo" -> platform.demo(options);
            case "generate" -> GenerateCommand.run(options);
            case "token" -> token(options, System.out);
            default -> usage();
          };
      System.exit(exit);
    } catch (RuntimeException e) {
      System.err.println("themodel " + command + " failed: " + e.getMessage());
      System.exit(1);
    }
  }

  private static int usage() {
    System.err.println(
        """
        usage: LocalPlatform up [--no-demo] [--fresh] [--seed S] | down | status
                             | demo [--months N] [--days N] [--seed S] [--set key=value]
                             | generate [--events N] [--bootstrap host:port] [--seed S]
                             | token ROLE [--hours N]
          up        start PostgreSQL (if installed and down), Kafka and the five services,
                    simulate three weeks of the company, print the URLs and the funnel;
                    --fresh first empties the five databases and the broker
          down      stop what up started: the services, then the broker
          status    what runs, and whether it is ready
          demo      without options: another dozen demo journeys; with --months/--days:
                    fast-forward the simulated company that many months/days
          generate  write a generated event log straight to the four topics""");
    return 2;
  }

  int up(boolean demo, boolean fresh, List<String> options) {
    DemoSimulation.Options simulation = DemoSimulation.Options.parse(options, UP_DAYS);
    List<Started> running = runningEntries();
    if (!running.isEmpty()) {
      out.println("The platform is already running (./themodel down stops it):");
      status();
      return 0;
    }
    ensurePostgres();
    requireFreePorts();
    if (fresh) {
      deleteRecursively(state.resolve("kafka"));
      deleteRecursively(state.resolve("clock"));
    }
    for (Service service : Service.values()) {
      String database =
          System.getenv().getOrDefault(service.databaseVariable(), service.defaultDatabase());
      ensureDatabase(database, fresh);
    }
    out.println(
        "PostgreSQL " + TestDatabase.serverUrl() + ": databases " + (fresh ? "emptied" : "ready"));
    deletePids();

    List<ServiceProcess> services = services();
    List<ServiceProcess> started = new ArrayList<>();
    try {
      ServiceProcess broker = broker();
      out.println("Starting Kafka on 127.0.0.1:" + BROKER_PORT + " ...");
      broker.launch();
      started.add(broker);
      recordPid(broker, BROKER_PORT);
      broker.awaitReady(BROKER_START);

      out.println("Starting the five services (logs in " + root.relativize(logs) + "/) ...");
      for (ServiceProcess service : services) {
        service.launch();
        started.add(service);
        recordPid(service, service.port());
      }
      Instant startedAt = Instant.now();
      for (ServiceProcess service : services) {
        service.awaitReady(SERVICES_START.minus(Duration.between(startedAt, Instant.now())));
        out.println("  " + service.name() + " ready on " + service.baseUri());
      }
    } catch (RuntimeException e) {
      out.println("Start-up failed; stopping what was started.");
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).stop();
      }
      deletePids();
      throw e;
    }

    DemoSimulation simulator = new DemoSimulation(state, out);
    simulator.restoreClock(DemoSimulation.localServices());
    if (!demo) {
      printUrls();
      return 0;
    }
    try {
      int exit = simulator.run(simulation);
      printUrls();
      return exit;
    } catch (RuntimeException e) {
      printUrls();
      out.println();
      out.println("The platform runs, but the simulation failed: " + e.getMessage());
      out.println("The services' logs are in " + root.relativize(logs) + "/.");
      return 1;
    }
  }

  int demo(List<String> options) {
    if (runningEntries().isEmpty()) {
      out.println("The platform is not running; ./themodel up starts it.");
      return 1;
    }
    if (!options.isEmpty()) {
      return new DemoSimulation(state, out).run(DemoSimulation.Options.parse(options, 0));
    }
    out.println("Running the demo journeys ...");
    printFunnel(DemoJourneys.run(JourneyDriver.local(), out));
    return 0;
  }

  int down() {
    List<Started> entries = readPids();
    if (entries.isEmpty()) {
      out.println("Nothing to stop (no " + root.relativize(pids) + ").");
      return 0;
    }
    List<Started> services = entries.stream().filter(e -> !e.name().equals(BROKER)).toList();
    List<Started> brokers = entries.stream().filter(e -> e.name().equals(BROKER)).toList();
    stopAll(services);
    stopAll(brokers);
    deletePids();
    return 0;
  }

  int status() {
    List<Started> entries = readPids();
    if (entries.isEmpty()) {
      out.println("Not running (./themodel up starts it).");
      return 3;
    }
    boolean allReady = true;
    for (Started entry : entries) {
      Optional<ProcessHandle> process = entry.process();
      String state;
      if (process.isEmpty()) {
        state = "stopped";
        allReady = false;
      } else if (entry.name().equals(BROKER)) {
        boolean accepting = accepts(entry.port());
        state = accepting ? "ready     127.0.0.1:" + entry.port() : "starting";
        allReady &= accepting;
      } else {
        int health = healthStatus(entry.port());
        state =
            health == 200
                ? "ready     http://127.0.0.1:" + entry.port()
                : "not ready (" + (health == 0 ? "no answer" : health) + ")";
        allReady &= health == 200;
      }
      out.printf("  %-16s pid %-8d %s%n", entry.name(), entry.pid(), state);
    }
    return allReady ? 0 : 1;
  }

  private ServiceProcess broker() {
    // The marker comes first: the system shows only the first 4 KB of a command line.
    return KafkaBroker.process(
        BROKER,
        root.relativize(state.resolve("kafka")),
        BROKER_PORT,
        CONTROLLER_PORT,
        PARTITIONS,
        List.of(BROKER_MARKER),
        root,
        logs.resolve("kafka.log"));
  }

  private List<ServiceProcess> services() {
    List<ServiceProcess> services = new ArrayList<>();
    for (Service service : Service.values()) {
      Path jar = service.jar(root);
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing; build first (./themodel up does)");
      }
      services.add(
          ServiceProcess.quarkusApp(
              root,
              service,
              service.configuredPort(),
              // The simulator moves the services' clocks (PUT /dev/clock); never in production.
              Map.of(
                  "THEMODEL_KAFKA_BOOTSTRAP",
                  "127.0.0.1:" + BROKER_PORT,
                  "THEMODEL_CLOCK_ADJUSTABLE",
                  "true"),
              logs));
    }
    return services;
  }

  private void requireFreePorts() {
    List<String> busy = new ArrayList<>();
    for (int port : new int[] {BROKER_PORT, CONTROLLER_PORT}) {
      if (accepts(port)) {
        busy.add(port + " (Kafka)");
      }
    }
    for (Service service : Service.values()) {
      if (accepts(service.configuredPort())) {
        busy.add(service.configuredPort() + " (" + service.module() + ")");
      }
    }
    if (!busy.isEmpty()) {
      throw new IllegalStateException(
          "ports in use by something else: "
              + String.join(", ", busy)
              + " (services take another port from THEMODEL_<SERVICE>_PORT)");
    }
  }

  /** Starts the installed PostgreSQL cluster if the local server does not answer. */
  private void ensurePostgres() {
    if (postgresAnswers()) {
      return;
    }
    String server = TestDatabase.serverUrl();
    Path clusters = Path.of("/etc/postgresql");
    boolean local = server.contains("//127.0.0.1") || server.contains("//localhost");
    if (!local || !Files.isDirectory(clusters)) {
      throw new IllegalStateException(
          "PostgreSQL does not answer at "
              + server
              + " and no local installation was found to start; start one (user "
              + TestDatabase.user()
              + ") or point THEMODEL_PG_URL at one");
    }
    List<String> versions;
    try (Stream<Path> entries = Files.list(clusters)) {
      versions = entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = versions.get(versions.size() - 1);
    out.println("PostgreSQL is down; starting cluster " + version + "/main ...");
    runQuietly(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"));
    try {
      Awaitility.await("PostgreSQL")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(LocalPlatform::postgresAnswers);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("PostgreSQL " + version + "/main did not come up in 30 s");
    }
  }

  /**
   * Creates the database unless it exists, or afresh. Not {@link TestDatabase#ensure} or {@code
   * recreate}: they do not quote the name, and {@code is} is an SQL keyword.
   */
  private static void ensureDatabase(String database, boolean fresh) {
    if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection admin = TestDatabase.connect("postgres");
        PreparedStatement exists =
            admin.prepareStatement("select 1 from pg_database where datname = ?")) {
      if (fresh) {
        try (Statement drop = admin.createStatement()) {
          drop.execute("drop database if exists \"" + database + "\" with (force)");
        }
      }
      exists.setString(1, database);
      try (ResultSet found = exists.executeQuery()) {
        if (!found.next()) {
          try (Statement create = admin.createStatement()) {
            create.execute("create database \"" + database + "\"");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create database " + database + ": " + e.getMessage(), e);
    }
  }

  private static boolean postgresAnswers() {
    try {
      TestDatabase.connect("postgres").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private void runQuietly(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void printUrls() {
    out.println();
    out.println("The Model runs locally:");
    out.printf(
        "  %-16s http://127.0.0.1:%d/#token=%s%n",
        "funnel page", Service.KPI.configuredPort(), Tokens.token(Role.ANALYST, TOKEN_LIFETIME));
    for (Service service : Service.values()) {
      String base = "http://127.0.0.1:" + service.configuredPort();
      // Swagger UI is in a packaged app only if it was built with
      // quarkus.swagger-ui.always-include.
      String api = answers(base + "/q/swagger-ui/") ? base + "/q/swagger-ui" : base + "/q/openapi";
      out.printf("  %-16s %-36s metrics %s/q/metrics%n", service.module(), api, base);
    }
    out.printf(
        "  %-16s 127.0.0.1:%d   topics %s%n",
        "kafka",
        BROKER_PORT,
        String.join(", ", Stream.of(Department.values()).map(Department::topic).toList()));
    out.printf("  %-16s %s/%n", "logs", root.relativize(logs));
    out.println(
        "Bearer tokens, one per role, valid "
            + TOKEN_LIFETIME.toHours()
            + " h (./themodel token ROLE prints another):");
    for (Role role : Role.values()) {
      out.printf("  %-16s %s%n", role.claim(), Tokens.token(role, TOKEN_LIFETIME));
    }
    out.println("Stop everything with ./themodel down.");
  }

  /** {@code token ROLE [--hours N]}: prints a dev token for the role (its claim name). */
  static int token(List<String> options, PrintStream out) {
    if (options.isEmpty()) {
      System.err.println("usage: themodel token ROLE [--hours N]; ROLE is one of " + roleNames());
      return 2;
    }
    Role role =
        Stream.of(Role.values())
            .filter(r -> r.claim().equals(options.get(0)))
            .findFirst()
            .orElse(null);
    if (role == null) {
      System.err.println("unknown role " + options.get(0) + "; one of " + roleNames());
      return 2;
    }
    int at = options.indexOf("--hours");
    Duration lifetime =
        at >= 0 && at + 1 < options.size()
            ? Duration.ofHours(Long.parseLong(options.get(at + 1)))
            : TOKEN_LIFETIME;
    out.println(Tokens.token(role, lifetime));
    return 0;
  }

  private static List<String> roleNames() {
    return Stream.of(Role.values()).map(Role::claim).toList();
  }

  private void printFunnel(Map<String, Long> funnel) {
    out.println();
    out.println("Funnel (all journeys so far):");
    long widest = Math.max(1, funnel.values().stream().mapToLong(Long::longValue).max().orElse(1));
    funnel.forEach(
        (stage, count) ->
            out.printf("  %-18s %5d  %s%n", stage, count, "#".repeat((int) (40 * count / widest))));
  }

  private void stopAll(List<Started> entries) {
    List<Started> alive = entries.stream().filter(e -> e.process().isPresent()).toList();
    for (Started entry : alive) {
      entry.process().ifPresent(ProcessHandle::destroy);
    }
    for (Started entry : alive) {
      Optional<ProcessHandle> process = entry.process();
      if (process.isEmpty()) {
        out.println("  stopped " + entry.name());
        continue;
      }
      try {
        process.get().onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        out.println("  stopped " + entry.name());
      } catch (Exception e) {
        process.get().destroyForcibly();
        out.println(
            "  killed "
                + entry.name()
                + " (it did not stop within "
                + STOP_GRACE.toSeconds()
                + " s)");
      }
    }
    entries.stream()
        .filter(e -> !alive.contains(e))
        .forEach(e -> out.println("  " + e.name() + " was not running"));
  }

  private void recordPid(ServiceProcess process, int port) {
    try {
      Files.createDirectories(state);
      Files.writeString(
          pids,
          process.name() + " " + process.pid() + " " + port + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Started> readPids() {
    if (!Files.exists(pids)) {
      return List.of();
    }
    try {
      return Files.readAllLines(pids, StandardCharsets.UTF_8).stream()
          .map(String::trim)
          .filter(line -> !line.isEmpty())
          .map(line -> line.split("\\s+"))
          .map(f -> new Started(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2])))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Started> runningEntries() {
    return readPids().stream().filter(e -> e.process().isPresent()).toList();
  }

  private void deletePids() {
    try {
      Files.deleteIfExists(pids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean answers(String uri) {
    return httpStatus(uri) == 200;
  }

  private static int healthStatus(int port) {
    return httpStatus("http://127.0.0.1:" + port + "/q/health/ready");
  }

  private static int httpStatus(String uri) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(3)).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /**
   * A process {@code up} started, as written to {@code .themodel/pids}: name, pid, port. A pid the
   * system has since given to another program does not count as ours.
   */
  record Started(String name, long pid, int port) {

    Optional<ProcessHandle> process() {
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              handle ->
                  handle.info().commandLine().map(line -> line.contains(marker())).orElse(true));
    }

    private String marker() {
      return name.equals(BROKER) ? BROKER_MARKER : name + "/target/quarkus-app/quarkus-run.jar";
    }
  }
}
