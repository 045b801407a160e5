package io.themodel.testing.process;

import io.themodel.testing.journey.JourneyDriver;
import io.themodel.testing.kafka.KafkaBroker;
import io.themodel.testing.postgres.TestDatabase;
import io.themodel.testing.process.ServiceProcess.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The packaged services one test class runs: each on a free port, on this JVM's Kafka broker (or
 * another one), on a fresh database of its own ({@code <database>_<suffix>}, e.g. {@code
 * lead_e2e}). Logs go to {@code target/e2e-logs/<test class>/}. Used by {@code e2e/} and {@code
 * reliability/}.
 */
public final class PlatformUnderTest implements AutoCloseable {

  // Five JVMs booting at once on two busy cores have taken over 3 minutes.
  private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

  private final String databaseSuffix;
  private final Supplier<String> bootstrapServers;
  private final Path logs;
  private final Path root = ServiceProcess.repositoryRoot();
  private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
  private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);

  /** Services on this JVM's shared Kafka broker. */
  public PlatformUnderTest(Class<?> testClass, String databaseSuffix) {
    this(testClass, databaseSuffix, () -> KafkaBroker.shared().bootstrapServers());
  }

  /** Services on the broker at these bootstrap servers (asked when a service starts). */
  public PlatformUnderTest(
      Class<?> testClass, String databaseSuffix, Supplier<String> bootstrapServers) {
    this.databaseSuffix = databaseSuffix;
    this.bootstrapServers = bootstrapServers;
    this.logs = Path.of("target", "e2e-logs", testClass.getSimpleName()).toAbsolutePath();
  }

  /** Starts the services in parallel, each on a fresh database, and returns once all are ready. */
  public PlatformUnderTest start(Map<Service, Map<String, String>> servicesWithEnvironment) {
    List<ServiceProcess> processes = new ArrayList<>();
    servicesWithEnvironment.forEach(
        (service, environment) -> {
          TestDatabase.recreate(database(service));
          ports.put(service, freePort());
          ServiceProcess process = process(service, environment);
          running.put(service, process);
          processes.add(process);
        });
    ServiceProcess.startAll(processes, START_TIMEOUT);
    return this;
  }

  /** Starts the services with their default configuration. */
  public PlatformUnderTest start(Service... services) {
    Map<Service, Map<String, String>> withDefaults = new LinkedHashMap<>();
    for (Service service : services) {
      withDefaults.put(service, Map.of());
    }
    return start(withDefaults);
  }

  /**
   * Starts a service again, after it stopped or died, on the same port and database, with this
   * environment; returns once it is ready.
   */
  public ServiceProcess startAgain(Service service, Map<String, String> environment) {
    ServiceProcess previous = running.get(service);
    if (previous != null && previous.isAlive()) {
      throw new IllegalStateException(service.module() + " is still running");
    }
    ServiceProcess process = process(service, environment);
    running.put(service, process);
    return process.start(START_TIMEOUT);
  }

  public ServiceProcess process(Service service) {
    ServiceProcess process = running.get(service);
    if (process == null) {
      throw new IllegalStateException(service.module() + " was not started");
    }
    return process;
  }

  /** A journey driver for the started services. */
  public JourneyDriver driver() {
    Map<Service, URI> uris = new EnumMap<>(Service.class);
    running.forEach((service, process) -> uris.put(service, process.baseUri()));
    return new JourneyDriver(uris);
  }

  @Override
  public void close() {
    running.values().parallelStream().forEach(ServiceProcess::stop);
  }

  private ServiceProcess process(Service service, Map<String, String> environment) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("THEMODEL_KAFKA_BOOTSTRAP", bootstrapServers.get());
    env.put("THEMODEL_PG_URL", TestDatabase.serverUrl());
    env.put("THEMODEL_PG_USER", TestDatabase.user());
    env.put("THEMODEL_PG_PASSWORD", TestDatabase.password());
    env.put(service.databaseVariable(), TestDatabase.name(database(service)));
    env.putAll(environment);
    return ServiceProcess.quarkusApp(root, service, ports.get(service), env, logs)
        .stopWhenThisJvmExits();
  }

  /** The real name of the service's database (with {@code THEMODEL_TEST_DB_SUFFIX}). */
  public String databaseName(Service service) {
    return TestDatabase.name(database(service));
  }

  /** The log directory of these services. */
  public Path logDirectory() {
    return logs;
  }

  private String database(Service service) {
    return service.defaultDatabase() + "_" + databaseSuffix;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
