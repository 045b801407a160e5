package io.themodel.reliability;

import io.themodel.testing.kafka.KafkaBroker;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.TestDatabase;
import io.themodel.testing.process.PlatformUnderTest;
import io.themodel.testing.process.ServiceProcess;
import io.themodel.testing.process.ServiceProcess.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform every reliability test runs against, started once per test JVM: a Kafka broker as
 * its own OS process (fixed ports and a data directory of its own for the run, so that it can be
 * killed and started again as the same broker) and the five packaged services on fresh databases
 * ({@code <db>_fault}). It also injects the faults: SIGKILL the broker or a service, start it
 * again, terminate the services' database connections.
 */
final class FaultyPlatform {

  static final Duration BROKER_START_TIMEOUT = Duration.ofSeconds(60);
  private static final int PARTITIONS = 3;
  private static FaultyPlatform instance;
  private static RuntimeException failedStart;

  private final ServiceProcess broker;
  private final String bootstrapServers;
  private final PlatformUnderTest services;
  private final PlatformClient client;
  private final TopicProbe topics;

  private FaultyPlatform() {
    Path target = Path.of("target").toAbsolutePath();
    Path brokerDir = newDirectory(target, "reliability-kafka-");
    int port = KafkaBroker.anyFreePort();
    int controllerPort = KafkaBroker.anyFreePort();
    bootstrapServers = "127.0.0.1:" + port;
    services = new PlatformUnderTest(FaultyPlatform.class, "fault", () -> bootstrapServers);
    broker =
        KafkaBroker.process(
                "kafka",
                brokerDir,
                port,
                controllerPort,
                PARTITIONS,
                List.of(),
                target,
                services.logDirectory().resolve("kafka.log"))
            .stopWhenThisJvmExits();
    try {
      broker.start(BROKER_START_TIMEOUT);
      services.start(Service.values());
    } catch (RuntimeException e) {
      // Nothing half-started may outlive this: a stray relay would hold its store's lock.
      services.close();
      broker.stop();
      throw e;
    }
    Map<Service, java.net.URI> uris = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      uris.put(service, services.process(service).baseUri());
    }
    client = new PlatformClient(uris);
    topics = new TopicProbe(bootstrapServers);
  }

  private static Path newDirectory(Path parent, String prefix) {
    try {
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The platform of this JVM, started on first use; it stops when the JVM exits. */
  static synchronized FaultyPlatform get() {
    if (failedStart != null) {
      throw new IllegalStateException("the platform did not start", failedStart);
    }
    if (instance == null) {
      try {
        instance = new FaultyPlatform();
      } catch (RuntimeException e) {
        failedStart = e;
        throw e;
      }
    }
    return instance;
  }

  PlatformClient client() {
    return client;
  }

  TopicProbe topics() {
    return topics;
  }

  ServiceProcess broker() {
    return broker;
  }

  ServiceProcess process(Service service) {
    return services.process(service);
  }

  /** SIGKILL: the service dies at once, requests in flight included. */
  void kill(Service service) {
    services.process(service).kill();
  }

  /** SIGTERM: the service shuts down as it would for a deployment. */
  void stop(Service service) {
    services.process(service).stop();
  }

  /** Starts a stopped or killed service again on its port and database; returns when ready. */
  void startAgain(Service service) {
    services.startAgain(service, Map.of());
  }

  /**
   * Terminates every backend connected to the five services' databases (the services' pools, the
   * relays' lock connections); returns how many there were.
   */
  int cutDatabaseConnections() {
    try (Connection admin = TestDatabase.connect("postgres");
        PreparedStatement cut =
            admin.prepareStatement(
                "select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where datname = any(?) and pid <> pg_backend_pid()")) {
      Array names = admin.createArrayOf("text", databaseNames().toArray());
      cut.setArray(1, names);
      try (ResultSet result = cut.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot terminate the services' connections", e);
    }
  }

  /** A connection to a service's database, for the books. */
  Connection database(Service service) throws SQLException {
    return TestDatabase.connect(services.databaseName(service));
  }

  List<String> databaseNames() {
    return Stream.of(Service.values()).map(services::databaseName).toList();
  }
}
