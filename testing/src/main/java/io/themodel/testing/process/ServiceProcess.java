package io.themodel.testing.process;

import io.themodel.events.Department;
import io.themodel.events.Role;
import io.themodel.testing.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Java application of the platform running as a child process of this JVM: one of the five
 * packaged Quarkus services ({@code java -jar <module>/target/quarkus-app/quarkus-run.jar}) or any
 * main class (the local Kafka broker). Output goes to a log file; {@link #start} returns once the
 * application answers ready. Used by the end-to-end tests and by the local launcher alike.
 */
public final class ServiceProcess implements AutoCloseable {

  /** The five services of the platform, with their modules and configuration variables. */
  public enum Service {
    LEAD(Department.LEAD, "lead-service", 8081, "THEMODEL_LEAD_PORT", "THEMODEL_LEAD_DB", "lead"),
    IS(Department.IS, "is-service", 8082, "THEMODEL_IS_PORT", "THEMODEL_IS_DB", "is"),
    DEAL(Department.DEAL, "deal-service", 8083, "THEMODEL_DEAL_PORT", "THEMODEL_DEAL_DB", "deal"),
    SUCCESS(
        Department.SUCCESS,
        "success-service",
        8084,
        "THEMODEL_SUCCESS_PORT",
        "THEMODEL_SUCCESS_DB",
        "success"),
    KPI(null, "kpi-projector", 8085, "THEMODEL_KPI_PORT", "THEMODEL_KPI_DB", "kpi");

    private final Department department;
    private final String module;
    private final int defaultPort;
    private final String portVariable;
    private final String databaseVariable;
    private final String defaultDatabase;

    Service(
        Department department,
        String module,
        int defaultPort,
        String portVariable,
        String databaseVariable,
        String defaultDatabase) {
      this.department = department;
      this.module = module;
      this.defaultPort = defaultPort;
      this.portVariable = portVariable;
      this.databaseVariable = databaseVariable;
      this.defaultDatabase = defaultDatabase;
    }

    /** The role that writes this service (its department's; {@code admin} for the projector). */
    public Role writer() {
      return Role.writerOf(department());
    }

    /** The department whose events this service publishes; none for the projector. */
    public Optional<Department> department() {
      return Optional.ofNullable(department);
    }

    /** The Maven module, which is also the service's name. */
    public String module() {
      return module;
    }

    /** The port the service listens on unless told otherwise. */
    public int defaultPort() {
      return defaultPort;
    }

    /** The port this environment configures: {@link #portVariable()} or the default. */
    public int configuredPort() {
      String value = System.getenv(portVariable);
      return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    public String portVariable() {
      return portVariable;
    }

    public String databaseVariable() {
      return databaseVariable;
    }

    public String defaultDatabase() {
      return defaultDatabase;
    }

    /** The packaged application under the repository root. */
    public Path jar(Path repositoryRoot) {
      return repositoryRoot
          .resolve(module)
          .resolve("target")
          .resolve("quarkus-app")
          .resolve("quarkus-run.jar");
    }
  }

  /** Whether a started process is ready to serve; asked repeatedly until it says yes. */
  @FunctionalInterface
  public interface Readiness {
    boolean isReady(ServiceProcess process);

    /** {@code GET /q/health/ready} answers 200 (SmallRye Health: database and Kafka included). */
    static Readiness health() {
      return process -> process.healthStatus() == 200;
    }

    /** The log file contains this text since the latest start. */
    static Readiness logLine(String text) {
      return process -> process.logSinceStart().contains(text);
    }
  }

  /**
   * Start-up over peak throughput: tests and the local run boot five JVMs at once, often on two
   * cores, and C1 only with the serial collector gets them ready ~40% sooner there. Benchmarks
   * start their services their own way.
   */
  private static final List<String> SERVICE_JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final Path logFile;
  private final int port;
  private final Readiness readiness;
  private Process process;
  private long logOffset;
  private Thread exitHook;

  private ServiceProcess(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workingDirectory,
      Path logFile,
      int port,
      Readiness readiness) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
    this.logFile = logFile;
    this.port = port;
    this.readiness = readiness;
  }

  /**
   * One of the five services as a packaged Quarkus app on the given port; {@code environment} adds
   * to (and wins over) this JVM's environment. Not started yet.
   */
  public static ServiceProcess quarkusApp(
      Path repositoryRoot,
      Service service,
      int port,
      Map<String, String> environment,
      Path logDirectory) {
    Path jar = service.jar(repositoryRoot);
    // Services trust the dev token key (Tokens) unless the caller's environment says otherwise.
    Map<String, String> env = new LinkedHashMap<>(Tokens.serviceEnvironment());
    env.putAll(environment);
    // Both names, so that the service's own default and Quarkus' standard override agree.
    env.put(service.portVariable(), Integer.toString(port));
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(SERVICE_JVM_OPTIONS);
    command.add("-jar");
    command.add(jar.toString());
    return new ServiceProcess(
        service.module(),
        command,
        env,
        repositoryRoot,
        logDirectory.resolve(service.module() + ".log"),
        port,
        Readiness.health());
  }

  /** Any main class on the given classpath, e.g. the Kafka broker; not started yet. */
  public static ServiceProcess javaMain(
      String name,
      String classpath,
      List<String> jvmOptions,
      String mainClass,
      List<String> arguments,
      Map<String, String> environment,
      Path workingDirectory,
      Path logFile,
      Readiness readiness) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(arguments);
    return new ServiceProcess(name, command, environment, workingDirectory, logFile, -1, readiness);
  }

  /** The same application with more (or changed) environment variables; not started. */
  public ServiceProcess withEnvironment(Map<String, String> more) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.putAll(more);
    return new ServiceProcess(name, command, env, workingDirectory, logFile, port, readiness);
  }

  /**
   * Finds the repository root from a module's (or the root's) working directory: the nearest
   * directory upwards holding the Maven wrapper's {@code .mvn} folder and a {@code pom.xml}. The
   * system property {@code themodel.root} overrides.
   */
  public static Path repositoryRoot() {
    String configured = System.getProperty("themodel.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".mvn")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no repository root (a folder with .mvn/ and pom.xml) above " + start);
  }

  /** Starts every process first and then waits for each, so that they boot in parallel. */
  public static void startAll(Collection<ServiceProcess> processes, Duration timeout) {
    processes.forEach(ServiceProcess::launch);
    Instant deadline = Instant.now().plus(timeout);
    for (ServiceProcess process : processes) {
      process.awaitReady(Duration.between(Instant.now(), deadline));
    }
  }

  /** Starts the process and returns once it is ready (within 90 s). */
  public ServiceProcess start() {
    return start(DEFAULT_START_TIMEOUT);
  }

  /** Starts the process and returns once it is ready. */
  public ServiceProcess start(Duration timeout) {
    launch();
    awaitReady(timeout);
    return this;
  }

  /** Starts the process without waiting for it; see {@link #awaitReady}. */
  public synchronized ServiceProcess launch() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running as pid " + process.pid());
    }
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Files.writeString(
          logFile,
          "---- " + Instant.now() + " starting " + name + ": " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      logOffset = Files.size(logFile);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * Waits until the process is ready; fails at once if it exits, and after the timeout if it never
   * gets ready, with the end of its log in the message.
   */
  public ServiceProcess awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Process current = process;
      if (current == null) {
        throw new IllegalStateException(name + " was never started");
      }
      if (!current.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + current.exitValue()
                + " before it was ready; end of "
                + logFile
                + ":\n"
                + logTail(40));
      }
      if (readiness.isReady(this)) {
        return this;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            name
                + " (pid "
                + current.pid()
                + ") was not ready within "
                + timeout.toSeconds()
                + " s"
                + (port > 0 ? " (last answer of " + healthUri() + ": " + healthStatus() + ")" : "")
                + "; end of "
                + logFile
                + ":\n"
                + logTail(40));
      }
      try {
        current.waitFor(250, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
  }

  /** SIGTERM, and SIGKILL if the process has not exited after a grace period. */
  public synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  /** SIGKILL: the process dies at once, with no shutdown hooks, as in a crash. */
  public synchronized void kill() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the process gracefully and starts it again with the same settings. */
  public ServiceProcess restart() {
    stop();
    return start();
  }

  /**
   * Stops the process when this JVM exits, should a test forget to or die first; the local launcher
   * does not ask this, its processes outlive it.
   */
  public synchronized ServiceProcess stopWhenThisJvmExits() {
    if (exitHook == null) {
      exitHook = new Thread(this::stop, "stop-" + name);
      Runtime.getRuntime().addShutdownHook(exitHook);
    }
    return this;
  }

  @Override
  public void close() {
    stop();
  }

  public String name() {
    return name;
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException(name + " was never started");
    }
    return process.pid();
  }

  /** The HTTP port, or -1 for a process that serves none. */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>} */
  public URI baseUri() {
    if (port <= 0) {
      throw new IllegalStateException(name + " serves no HTTP");
    }
    return URI.create("http://127.0.0.1:" + port);
  }

  public Path logFile() {
    return logFile;
  }

  /** The last lines of the log file, for failure messages. */
  public String logTail(int lines) {
    List<String> all = readLog().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private String logSinceStart() {
    String log = readLog();
    return log.length() > logOffset ? log.substring((int) Math.min(logOffset, log.length())) : "";
  }

  private String readLog() {
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  private URI healthUri() {
    return baseUri().resolve("/q/health/ready");
  }

  /** The status of {@code /q/health/ready}, or 0 when nothing answers. */
  private int healthStatus() {
    HttpRequest request =
        HttpRequest.newBuilder(healthUri()).timeout(Duration.ofSeconds(2)).GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static String javaExecutable() {
    return Optional.ofNullable(System.getProperty("java.home"))
        .map(home -> Path.of(home, "bin", "java").toString())
        .orElse("java");
  }

  @Override
  public String toString() {
    return name + (process == null ? " (not started)" : " (pid " + process.pid() + ")");
  }
}
