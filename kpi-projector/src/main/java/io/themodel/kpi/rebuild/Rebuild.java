package io.themodel.kpi.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.UnreadableEvent;
import io.themodel.kpi.facts.FactRecorder;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.inbox.ProcessedEvents;
import io.themodel.platform.relay.StoreConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from offset zero of every department's topic into a fresh schema while
 * the live one keeps serving, then swaps the two atomically: under an exclusive advisory lock (live
 * application takes it shared) it reads the topics to their end once more, and renames the live
 * schema to {@code kpi_retired} and the rebuilt one to {@code public} in one transaction. The
 * retired schema stays until the next rebuild, for comparison or a manual roll-back.
 */
@ApplicationScoped
public class Rebuild {

  /** Where a rebuild stands. */
  public enum State {
    IDLE,
    REPLAYING,
    SWAPPING,
    DONE,
    FAILED
  }

  /**
   * A rebuild's progress: events applied, lag to the topics' ends, rate and estimated time left.
   */
  public record Progress(
      State state,
      Instant startedAt,
      Instant finishedAt,
      long eventsApplied,
      long unreadableSkipped,
      long lag,
      Double eventsPerSecond,
      Long etaSeconds,
      String error) {}

  static final String REBUILD_SCHEMA = "kpi_rebuild";
  static final String RETIRED_SCHEMA = "kpi_retired";
  private static final Logger LOG = Logger.getLogger(Rebuild.class);

  private final DataSource dataSource;
  private final StoreConnections connections;
  private final FactRecorder facts;
  private final EventCodec codec;
  private final Clock clock;
  private final String bootstrapServers;
  private final String[] migrations;

  private volatile Progress progress =
      new Progress(State.IDLE, null, null, 0, 0, 0, null, null, null);

  Rebuild(
      DataSource dataSource,
      StoreConnections connections,
      FactRecorder facts,
      EventCodec codec,
      Clock clock,
      MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "quarkus.flyway.locations") List<String> migrations) {
    this.dataSource = dataSource;
    this.connections = connections;
    this.facts = facts;
    this.codec = codec;
    this.clock = clock;
    this.bootstrapServers = bootstrapServers;
    this.migrations = migrations.stream().map(m -> "classpath:" + m).toArray(String[]::new);
    Gauge.builder("themodel.rebuild.events.applied", this, r -> r.progress.eventsApplied())
        .register(registry);
    Gauge.builder("themodel.rebuild.lag", this, r -> r.progress.lag()).register(registry);
    Gauge.builder("themodel.rebuild.running", this, r -> r.running() ? 1 : 0).register(registry);
  }

  public Progress progress() {
    return progress;
  }

  private boolean running() {
    State state = progress.state();
    return state == State.REPLAYING || state == State.SWAPPING;
  }

  /** Starts a rebuild in the background; a second one while one runs is a conflict. */
  public synchronized Progress start() {
    if (running()) {
      throw CommandRejected.conflict("a rebuild is already running (GET /rebuild shows how far)");
    }
    progress = new Progress(State.REPLAYING, clock.instant(), null, 0, 0, 0, null, null, null);
    Thread worker = new Thread(this::run, "kpi-rebuild");
    worker.setDaemon(true);
    worker.start();
    return progress;
  }

  private void run() {
    Instant started = progress.startedAt();
    // A connection of its own, not the pool's: its search_path points at the rebuild's schema, and
    // it ends with the rebuild, whatever happens, instead of serving live queries afterwards.
    try (Connection target = connections.open("kpi-rebuild");
        KafkaConsumer<String, String> consumer = consumer()) {
      freshSchema(target);
      target.setAutoCommit(false);
      try (Statement statement = target.createStatement()) {
        statement.execute("set search_path to " + REBUILD_SCHEMA);
      }
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long[] counts = new long[2];
      replayOverlapped(consumer, partitions, target, started, counts);
      report(State.SWAPPING, started, counts, 0);
      try (Connection swap = dataSource.getConnection()) {
        swap.setAutoCommit(false);
        try (PreparedStatement lock = swap.prepareStatement("select pg_advisory_xact_lock(?)")) {
          lock.setLong(1, FactRecorder.SWAP_LOCK);
          lock.execute();
        }
        Map<TopicPartition, Long> last = consumer.endOffsets(partitions);
        while (lag(consumer, last) > 0) {
          write(target, decode(consumer, counts), counts);
        }
        try (Statement statement = target.createStatement()) {
          statement.execute("set search_path to default");
        }
        target.commit();
        try (Statement rename = swap.createStatement()) {
          rename.execute("alter schema public rename to " + RETIRED_SCHEMA);
          rename.execute("alter schema " + REBUILD_SCHEMA + " rename to public");
        }
        swap.commit();
      }
      progress =
          new Progress(
              State.DONE,
              started,
              clock.instant(),
              counts[0],
              counts[1],
              0,
              rate(started, counts[0]),
              0L,
              null);
      LOG.infof("rebuild done: %d events applied, %d unreadable skipped", counts[0], counts[1]);
    } catch (Exception e) {
      LOG.error("rebuild failed; the live read model is untouched", e);
      progress =
          new Progress(
              State.FAILED,
              started,
              clock.instant(),
              progress.eventsApplied(),
              progress.unreadableSkipped(),
              progress.lag(),
              null,
              null,
              e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Drops what an earlier rebuild left and migrates an empty schema for this one. */
  private void freshSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + REBUILD_SCHEMA + " cascade");
      statement.execute("drop schema if exists " + RETIRED_SCHEMA + " cascade");
      statement.execute("create schema " + REBUILD_SCHEMA);
    }
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(REBUILD_SCHEMA)
        .createSchemas(false)
        .locations(migrations)
        .load()
        .migrate();
  }

  /**
   * Replays until the topics' end: this thread polls and decodes the next poll while a second one
   * writes the previous (decoding takes the JVM about as long as writing takes PostgreSQL, and one
   * after the other each waited for the other). At most one poll is in the writer's hands; each is
   * written in the order it was polled, on the one rebuild connection.
   */
  private void replayOverlapped(
      KafkaConsumer<String, String> consumer,
      List<TopicPartition> partitions,
      Connection target,
      Instant started,
      long[] counts)
      throws Exception {
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "kpi-rebuild-writer");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Future<?> writing = CompletableFuture.completedFuture(null);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (lag(consumer, ends) > 0) {
        Map<UUID, Delivered> polled = decode(consumer, counts);
        awaitWritten(writing);
        report(State.REPLAYING, started, counts, lag(consumer, ends));
        writing =
            writer.submit(
                () -> {
                  write(target, polled, counts);
                  return null;
                });
        ends = consumer.endOffsets(partitions);
      }
      awaitWritten(writing);
    } finally {
      writer.shutdownNow();
    }
  }

  private static void awaitWritten(Future<?> writing) throws Exception {
    try {
      writing.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * One poll's records, decoded and keyed by event id (an event delivered twice in it is kept
   * once); unreadable ones are counted and skipped (the DLQ has them).
   */
  private Map<UUID, Delivered> decode(KafkaConsumer<String, String> consumer, long[] counts) {
    Map<UUID, Delivered> delivered = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
      try {
        CloudEvent envelope = codec.read(record.value());
        DomainEvent event = codec.decode(envelope);
        delivered.putIfAbsent(
            envelope.id(),
            new Delivered(
                record.topic(),
                FactRecorder.Entry.of(envelope.id(), envelope.time(), event, codec)));
      } catch (UnreadableEvent unreadable) {
        counts[1]++;
      }
    }
    return delivered;
  }

  /**
   * One poll's events applied in one transaction and three statements (processed events, facts,
   * journeys); an event applied by an earlier poll is not applied again.
   */
  private void write(Connection target, Map<UUID, Delivered> delivered, long[] counts)
      throws SQLException {
    if (delivered.isEmpty()) {
      return;
    }
    try (Statement unflushed = target.createStatement()) {
      // A crash mid-rebuild throws the rebuilt schema away anyway; the swap's commit flushes all.
      unflushed.execute("set local synchronous_commit to off");
    }
    Set<UUID> fresh = markProcessed(target, delivered);
    List<FactRecorder.Entry> entries = new ArrayList<>(fresh.size());
    for (Map.Entry<UUID, Delivered> event : delivered.entrySet()) {
      if (fresh.contains(event.getKey())) {
        entries.add(event.getValue().entry());
      }
    }
    facts.recordAll(target, entries);
    counts[0] += entries.size();
    target.commit();
  }

  /** A decoded record, and the topic it came from. */
  private record Delivered(String topic, FactRecorder.Entry entry) {}

  /** Marks a poll's events processed; returns those not processed before. */
  private Set<UUID> markProcessed(Connection target, Map<UUID, Delivered> delivered)
      throws SQLException {
    Map<UUID, String> topics = new LinkedHashMap<>();
    delivered.forEach((id, event) -> topics.put(id, event.topic()));
    return ProcessedEvents.mark(target, clock.instant(), topics);
  }

  private void report(State state, Instant started, long[] counts, long lag) {
    Double perSecond = rate(started, counts[0]);
    Long eta = perSecond == null || perSecond == 0 ? null : (long) Math.ceil(lag / perSecond);
    progress = new Progress(state, started, null, counts[0], counts[1], lag, perSecond, eta, null);
  }

  private Double rate(Instant started, long events) {
    double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
    return seconds <= 0 ? null : Math.round(events / seconds * 10) / 10.0;
  }

  private static long lag(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      lag += Math.max(0, end.getValue() - consumer.position(end.getKey()));
    }
    return lag;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (Department department : Department.values()) {
      List<PartitionInfo> infos = consumer.partitionsFor(department.topic());
      if (infos == null) {
        continue;
      }
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(info.topic(), info.partition()));
      }
    }
    return partitions;
  }

  private KafkaConsumer<String, String> consumer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kpi-projector-rebuild");
    Properties properties = new Properties();
    properties.putAll(config);
    return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
  }
}
