package io.themodel.testing.kafka;

import io.themodel.testing.process.ServiceProcess;
import io.themodel.testing.process.ServiceProcess.Readiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker, single-node KRaft (broker and controller in one), started from
 * Kafka's own Maven artifacts: no Docker. Tests share one per JVM ({@link #shared()}); the local
 * run and the reliability tests start one as its own process ({@link #process}, which runs {@link
 * #main}).
 */
public final class KafkaBroker implements AutoCloseable {

  private static final String READY = "Kafka broker ready";

  private static KafkaBroker shared;

  private final KafkaRaftServer server;
  private final int port;
  private final Path logDir;
  private final boolean deleteOnClose;
  private final long startupMillis;

  private KafkaBroker(
      KafkaRaftServer server, int port, Path logDir, boolean deleteOnClose, long startupMillis) {
    this.server = server;
    this.port = port;
    this.logDir = logDir;
    this.deleteOnClose = deleteOnClose;
    this.startupMillis = startupMillis;
  }

  /** The broker of this test JVM, started on free ports in a temporary directory on first use. */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("themodel-kafka-");
        shared = start(dir, freePort(), freePort(), 1, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      KafkaBroker broker = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
    }
    return shared;
  }

  /**
   * Formats {@code logDir} (unless it already holds a broker's data) and starts the broker; returns
   * when it is ready to serve.
   */
  public static KafkaBroker start(
      Path logDir, int port, int controllerPort, int partitions, boolean deleteOnClose) {
    long started = System.nanoTime();
    try {
      Files.createDirectories(logDir);
      Path config = logDir.resolve("server.properties");
      Properties properties = config(logDir.resolve("data"), port, controllerPort, partitions);
      try (OutputStream out = Files.newOutputStream(config)) {
        properties.store(out, "single-node KRaft broker of the-model");
      }
      if (!Files.exists(logDir.resolve("data").resolve("meta.properties"))) {
        format(config);
      }
      KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
      server.startup();
      long millis = (System.nanoTime() - started) / 1_000_000;
      return new KafkaBroker(server, port, logDir, deleteOnClose, millis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** How long formatting and start-up took. */
  public long startupMillis() {
    return startupMillis;
  }

  @Override
  public synchronized void close() {
    server.shutdown();
    server.awaitShutdown();
    if (deleteOnClose) {
      deleteRecursively(logDir);
    }
  }

  static Properties config(Path dataDir, int port, int controllerPort, int partitions) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", dataDir.toString());
    p.setProperty("num.partitions", Integer.toString(partitions));
    // One node: every internal topic has one replica, or consumers wait silently.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // The log is the source of every rebuild: keep it.
    p.setProperty("log.retention.ms", "-1");
    p.setProperty("auto.create.topics.enable", "true");
    return p;
  }

  private static void format(Path config) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    String clusterId = Uuid.randomUuid().toString();
    int exit;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exit =
          StorageTool.execute(
              new String[] {"format", "-t", clusterId, "-c", config.toString(), "--standalone"},
              out);
    }
    if (exit != 0) {
      throw new IllegalStateException(
          "formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }

  /**
   * A broker as its own OS process ({@link #main} on this JVM's classpath), not started yet: data
   * in {@code dir} and the two ports stay the same across restarts, so it can be killed and started
   * again as the same broker. Ready once it logs that it is.
   */
  public static ServiceProcess process(
      String name,
      Path dir,
      int port,
      int controllerPort,
      int partitions,
      List<String> jvmOptions,
      Path workingDirectory,
      Path logFile) {
    List<String> options = new ArrayList<>(jvmOptions);
    options.add("-Xmx256m");
    options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    return ServiceProcess.javaMain(
        name,
        System.getProperty("java.class.path"),
        options,
        KafkaBroker.class.getName(),
        List.of(
            dir.toString(),
            Integer.toString(port),
            Integer.toString(controllerPort),
            Integer.toString(partitions)),
        Map.of(),
        workingDirectory,
        logFile,
        Readiness.logLine(READY));
  }

  /** A free port of this machine now, for a broker started later on a fixed port. */
  public static int anyFreePort() {
    try {
      return freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a broker as its own process until it is stopped (SIGTERM): {@code KafkaBroker <dir> <port>
   * <controller-port> [partitions]}. Data in {@code dir} survives restarts.
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: KafkaBroker <dir> <port> <controller-port> [partitions]");
      System.exit(2);
    }
    int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    KafkaBroker broker =
        start(
            Path.of(args[0]),
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            partitions,
            false);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
    System.out.println(
        READY + " on " + broker.bootstrapServers() + " in " + broker.startupMillis() + " ms");
    Thread.currentThread().join();
  }
}
