package io.themodel.platform.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.UnreadableEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes the event store's unpublished events to Kafka in {@code position} order and marks them
 * published once the broker has acknowledged them. The unpublished ones are those in the outbox
 * table ({@code event_outbox}, a row per event, added by the appending transaction's trigger);
 * marking one published deletes its outbox row, so an event's own row is never written again. One
 * relay per service is active: the one that holds a PostgreSQL advisory lock on its own connection
 * (if that connection dies, the lock goes with it and a standby takes over). It wakes on {@link
 * OutboxWakeUp}'s NOTIFY and polls as a fallback. A relay that becomes the leader first reconciles:
 * the rows a predecessor had the broker acknowledge but died before marking (SIGKILL, a cut
 * connection, an ack that timed out yet landed) are found on the tail of their topics and marked
 * without being sent again, so that each event is on its topic once. Consumers still drop any copy
 * by event id.
 *
 * <p>Draining a backlog is a two-stage pipeline: while a marker thread waits for batch n's
 * acknowledgements and marks its rows (on a connection of its own), the relay reads and sends batch
 * n+1. At most two batches are ever sent and unmarked, and reconciling looks at that many.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final long LOCK_KEY = 0x7468656d6f64656cL; // "themodel"

  /**
   * The events of the outbox's first rows (those not yet acknowledged by the broker) meeting a
   * condition, in position order. The outbox's positions are taken first, then their events by
   * primary key: as one join, PostgreSQL merged the outbox with the whole store from its first
   * position, already published (490 ms a batch a million events in).
   */
  private static String unpublished(String outboxCondition) {
    return "select position, event_id, type, occurred_at, stream_id, correlation_id, causation_id,"
        + " journey_key, lead_id, account_id, payload::text as payload from event_store where"
        + " position = any(array(select position from event_outbox"
        + outboxCondition
        + " order by position limit ?)) order by position";
  }

  private static final String SELECT_UNPUBLISHED = unpublished("");

  /**
   * The same, leaving out the rows of the batch still being acknowledged and marked (its first and
   * last position). A row that commits late inside that range is sent with a later batch.
   */
  private static final String SELECT_UNPUBLISHED_OUTSIDE =
      unpublished(" where position < ? or position > ?");

  /** How many batches can be sent and not yet marked: the one being marked, and the next. */
  private static final int UNMARKED_BATCHES = 2;

  /** How many batches' worth of each partition's last records reconciling reads. */
  private static final int TAIL_BATCHES = 2 * UNMARKED_BATCHES;

  private static final Duration RECONCILE_TIMEOUT = Duration.ofSeconds(30);

  private final EventCodec codec;
  private final Counter published;
  private final boolean enabled;
  private final Duration pollInterval;
  private final int batchSize;
  private final String bootstrapServers;
  private final StoreConnections connections;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean leader;
  private Thread worker;
  private ExecutorService marker;
  private KafkaProducer<String, String> producer;

  OutboxRelay(
      EventCodec codec,
      MeterRegistry registry,
      @ConfigProperty(name = "themodel.relay.enabled", defaultValue = "true") boolean enabled,
      @ConfigProperty(name = "themodel.relay.poll-interval", defaultValue = "PT1S")
          Duration pollInterval,
      @ConfigProperty(name = "themodel.relay.batch-size", defaultValue = "2000") int batchSize,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      StoreConnections connections) {
    this.codec = codec;
    this.published = registry.counter("themodel.relay.published");
    this.enabled = enabled;
    this.pollInterval = pollInterval;
    this.batchSize = batchSize;
    this.bootstrapServers = bootstrapServers;
    this.connections = connections;
    registry.gauge("themodel.relay.leader", this, relay -> relay.leader ? 1 : 0);
  }

  void start(@Observes StartupEvent startup) {
    if (!enabled) {
      LOG.info("outbox relay disabled by themodel.relay.enabled=false");
      return;
    }
    producer = new KafkaProducer<>(producerConfig());
    marker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "outbox-relay-marker");
              thread.setDaemon(true);
              return thread;
            });
    running.set(true);
    worker = new Thread(this::run, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent shutdown) {
    if (!running.getAndSet(false)) {
      return;
    }
    try {
      worker.join(pollInterval.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    marker.shutdownNow();
    producer.close(Duration.ofSeconds(5));
  }

  /** Whether this instance currently holds the lock and relays. */
  public boolean isLeader() {
    return leader;
  }

  private void run() {
    while (running.get()) {
      try (Connection connection = connect()) {
        if (!tryLock(connection)) {
          pause();
          continue;
        }
        leader = true;
        LOG.info("outbox relay is the leader for this service");
        reconcile(connection);
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + OutboxWakeUp.CHANNEL);
        }
        try (Connection marking = connect()) {
          relay(connection, marking);
        }
      } catch (Exception e) {
        if (running.get()) {
          LOG.warnf("outbox relay interrupted (%s); retrying", e.toString());
          pause();
        }
      } finally {
        leader = false;
      }
    }
  }

  /**
   * Marks published, without sending, the unpublished rows whose events the broker already has. At
   * most {@link #UNMARKED_BATCHES} batches can be in that state (the relay sends a batch only after
   * the one before the last is marked), they are the first unpublished rows, and the relay is its
   * topics' only producer, so the last {@link #TAIL_BATCHES} batches' worth of records of each
   * partition hold every such event.
   */
  private void reconcile(Connection connection) throws Exception {
    Map<String, Map<UUID, Long>> byTopic = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement(SELECT_UNPUBLISHED)) {
      select.setInt(1, UNMARKED_BATCHES * batchSize);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          byTopic
              .computeIfAbsent(department(rows).topic(), topic -> new HashMap<>())
              .put(rows.getObject("event_id", UUID.class), rows.getLong("position"));
        }
      }
    }
    if (byTopic.isEmpty()) {
      return;
    }
    List<Long> onBroker = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(tailReaderConfig())) {
      for (Map.Entry<String, Map<UUID, Long>> topic : byTopic.entrySet()) {
        for (UUID eventId : eventIdsOnTail(consumer, topic.getKey())) {
          Long position = topic.getValue().get(eventId);
          if (position != null) {
            onBroker.add(position);
          }
        }
      }
    }
    if (!onBroker.isEmpty()) {
      mark(connection, onBroker);
      LOG.infof(
          "outbox relay found %d unmarked rows already on the broker and marked them without"
              + " sending them again",
          onBroker.size());
    }
  }

  /** The event ids of the last records of each partition of the topic. */
  private Set<UUID> eventIdsOnTail(KafkaConsumer<String, String> consumer, String topic) {
    Set<UUID> ids = new HashSet<>();
    List<PartitionInfo> infos = consumer.partitionsFor(topic, RECONCILE_TIMEOUT);
    if (infos == null || infos.isEmpty()) {
      return ids; // no topic yet: nothing of ours is on it
    }
    List<TopicPartition> partitions =
        infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(partitions);
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, RECONCILE_TIMEOUT);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, RECONCILE_TIMEOUT);
    for (TopicPartition partition : partitions) {
      consumer.seek(
          partition,
          Math.max(begin.get(partition), end.get(partition) - (long) TAIL_BATCHES * batchSize));
    }
    long deadline = System.nanoTime() + RECONCILE_TIMEOUT.toNanos();
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read the tail of " + topic + " in time");
      }
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        eventId(record.value()).ifPresent(ids::add);
      }
    }
    return ids;
  }

  private Optional<UUID> eventId(String value) {
    try {
      return Optional.of(codec.read(value).id());
    } catch (UnreadableEvent notOneOfOurs) {
      return Optional.empty();
    }
  }

  private Properties tailReaderConfig() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-relay-reconcile");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return config;
  }

  /**
   * Relays until stopped: reads and sends a batch, then waits for the batch before it to be marked,
   * and hands the new one to the marker. A batch smaller than a full one means the store is
   * drained: its marking is awaited, and the relay sleeps until a NOTIFY or the poll interval.
   */
  private void relay(Connection connection, Connection marking) throws Exception {
    PGConnection notifications = connection.unwrap(PGConnection.class);
    Batch inFlight = null; // sent, and being marked by the marker
    Future<?> marked = CompletableFuture.completedFuture(null);
    try {
      while (running.get()) {
        Batch batch = send(connection, inFlight);
        marked.get();
        inFlight = batch.positions().isEmpty() ? null : batch;
        if (inFlight != null) {
          marked = marker.submit(() -> markWhenAcknowledged(marking, batch));
        }
        if (batch.positions().size() < batchSize) {
          marked.get();
          inFlight = null;
          notifications.getNotifications((int) pollInterval.toMillis());
        }
      }
    } finally {
      marked.cancel(true); // the next leader reconciles whatever this one left unmarked
    }
  }

  /** A batch sent: its positions in order and the broker's acknowledgements, one per record. */
  private record Batch(List<Long> positions, List<Future<RecordMetadata>> acks) {

    long first() {
      return positions.get(0);
    }

    long last() {
      return positions.get(positions.size() - 1);
    }
  }

  /** Reads the next batch of unpublished rows, leaving out the batch in flight, and sends it. */
  private Batch send(Connection connection, Batch inFlight) throws SQLException {
    List<Long> positions = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            inFlight == null ? SELECT_UNPUBLISHED : SELECT_UNPUBLISHED_OUTSIDE)) {
      if (inFlight == null) {
        select.setInt(1, batchSize);
      } else {
        select.setLong(1, inFlight.first());
        select.setLong(2, inFlight.last());
        select.setInt(3, batchSize);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          positions.add(rows.getLong("position"));
          acks.add(producer.send(record(rows)));
        }
      }
    }
    return new Batch(positions, acks);
  }

  /** On the marker thread: marks the batch published once every record is acknowledged. */
  private Void markWhenAcknowledged(Connection marking, Batch batch) throws Exception {
    for (Future<RecordMetadata> ack : batch.acks()) {
      ack.get(2, TimeUnit.MINUTES);
    }
    markPublished(marking, batch.positions());
    published.increment(batch.positions().size());
    return null;
  }

  /**
   * Marks the rows published. The broker has them by now: if the lock connection was cut meanwhile
   * (reliability/ DatabaseCutIT saw it), they are marked on a fresh connection before the relay
   * gives up. Whatever a crash still leaves unmarked, the next leader finds on the broker when it
   * reconciles.
   */
  private void markPublished(Connection connection, List<Long> positions) throws SQLException {
    try {
      mark(connection, positions);
    } catch (SQLException lost) {
      try (Connection fresh = connect()) {
        mark(fresh, positions);
        LOG.warnf(
            "outbox relay lost its connection after publishing; marked %d rows anew",
            positions.size());
      } catch (SQLException again) {
        lost.addSuppressed(again);
      }
      throw lost;
    }
  }

  private static void mark(Connection connection, List<Long> positions) throws SQLException {
    try (PreparedStatement mark =
        connection.prepareStatement("delete from event_outbox where position = any(?)")) {
      mark.setArray(1, connection.createArrayOf("bigint", positions.toArray()));
      mark.executeUpdate();
    }
  }

  /**
   * The row's CloudEvent. The stored payload goes into {@code data} as it is (PostgreSQL's text of
   * the jsonb): it is read only where the type's department depends on it.
   */
  private ProducerRecord<String, String> record(ResultSet row) throws SQLException {
    EventType type = type(row);
    String payload = row.getString("payload");
    Department department = department(type, payload);
    JsonNode data = JsonNodeFactory.instance.rawValueNode(new RawValue(payload));
    CloudEvent envelope =
        codec.envelope(
            department,
            type,
            row.getObject("event_id", UUID.class),
            row.getString("stream_id"),
            row.getTimestamp("occurred_at").toInstant(),
            row.getObject("correlation_id", UUID.class),
            row.getObject("causation_id", UUID.class),
            row.getObject("lead_id", UUID.class),
            row.getObject("account_id", UUID.class),
            data);
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            department.topic(), row.getString("journey_key"), codec.write(envelope));
    record
        .headers()
        .add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII));
    return record;
  }

  private Department department(ResultSet row) throws SQLException {
    return department(type(row), row.getString("payload"));
  }

  /**
   * The department (the topic) of an event of this type, reading the payload only where the type
   * needs it: Feedback is published by several departments, and the event says which.
   */
  private Department department(EventType type, String payload) {
    return type.fixedDepartment()
        .orElseGet(() -> EventType.departmentOf(codec.fromData(type, codec.parseData(payload))));
  }

  private static EventType type(ResultSet row) throws SQLException {
    String typeName = row.getString("type");
    return EventType.byTypeName(typeName)
        .orElseThrow(() -> new IllegalStateException("unknown type in store: " + typeName));
  }

  private Connection connect() throws SQLException {
    return connections.open("outbox-relay");
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      lock.setLong(1, LOCK_KEY);
      try (ResultSet result = lock.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private Properties producerConfig() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return config;
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }
}
