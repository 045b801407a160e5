package io.themodel.bench;

import io.themodel.testing.postgres.TestDatabase;
import io.themodel.testing.process.ServiceProcess.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Relay: {@code events} rows appended straight into lead-service's event store (copies of the
 * {@code LeadCaptured} row the service wrote for a real {@code POST /leads}, each with a lead of
 * its own), committed at once, and the running service's outbox relay drains them to Kafka; the
 * reference is a raw KafkaProducer with the relay's own settings sending as many records of the
 * same size.
 */
final class RelayBench {

  /** What was measured: the relay's and the raw producer's events/s, and the record size. */
  record Figures(
      long events,
      double appendSeconds,
      double relaySeconds,
      double relayPerSecond,
      double producerSeconds,
      double producerPerSecond,
      int recordBytes) {}

  private static final String LEAD_TOPIC = "themodel.lead.v1";
  private static final String RAW_TOPIC = "bench.raw.v1";

  private RelayBench() {}

  static Figures run(BenchPlatform platform, BenchClient client, long events) throws Exception {
    platform.start(Service.LEAD, Map.of());
    // One real command: the row the service writes, and the record its relay publishes.
    int status = client.captureLead(platform.uri(Service.LEAD), "relay", 0);
    if (status != 201) {
      throw new IllegalStateException("POST /leads answered " + status);
    }
    String database = platform.database(Service.LEAD);
    awaitDrained(database, Duration.ofSeconds(60));
    ConsumerRecord<String, String> sample = sampleRecord(platform.bootstrapServers());
    int recordBytes = sample.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    System.out.printf(
        "  relay: a LeadCaptured record is %d bytes; raw producer sends %,d of them%n",
        recordBytes, events);

    long producerNanos = rawProducer(platform.bootstrapServers(), sample.value(), events);
    double producerSeconds = producerNanos / 1e9;

    System.out.printf("  relay: appending %,d events to the event store ...%n", events);
    long appendStarted = System.nanoTime();
    try (Connection connection = TestDatabase.connect(database)) {
      connection.setAutoCommit(false);
      long position;
      try (Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery(
                  "select position from event_store where type like '%.LeadCaptured.%' order by position"
                      + " limit 1")) {
        if (!row.next()) {
          throw new IllegalStateException(
              "no LeadCaptured row in " + database + ": " + typesIn(connection));
        }
        position = row.getLong(1);
      }
      try (PreparedStatement append =
          connection.prepareStatement(
              "insert into event_store (stream_id, stream_type, stream_version, event_id, type,"
                  + " schema_version, occurred_at, recorded_at, correlation_id, causation_id,"
                  + " actor, journey_key, lead_id, account_id, payload)"
                  + " select replace(s.stream_id, s.lead_id::text, g.id::text), s.stream_type,"
                  + " s.stream_version, gen_random_uuid(), s.type, s.schema_version, now(), now(),"
                  + " gen_random_uuid(), null, s.actor, replace(s.journey_key, s.lead_id::text,"
                  + " g.id::text), g.id, null, replace(s.payload::text, s.lead_id::text,"
                  + " g.id::text)::jsonb"
                  + " from event_store s, (select gen_random_uuid() as id from"
                  + " generate_series(1, ?)) g where s.position = ?")) {
        append.setLong(1, events);
        append.setLong(2, position);
        append.executeUpdate();
      }
      try (Statement notify = connection.createStatement()) {
        notify.execute("select pg_notify('themodel_outbox', '')");
      }
      connection.commit();
    }
    long committed = System.nanoTime();
    double appendSeconds = (committed - appendStarted) / 1e9;
    System.out.printf(
        "  relay: appended in %.1f s; the relay drains (it wakes on the commit's NOTIFY) ...%n",
        appendSeconds);
    awaitDrained(database, Duration.ofMinutes(20));
    double relaySeconds = (System.nanoTime() - committed) / 1e9;
    return new Figures(
        events,
        appendSeconds,
        relaySeconds,
        events / relaySeconds,
        producerSeconds,
        events / producerSeconds,
        recordBytes);
  }

  private static String typesIn(Connection connection) throws SQLException {
    StringBuilder types = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select type, count(*), current_database() from event_store group by type")) {
      while (rows.next()) {
        types.append(rows.getString(1)).append('=').append(rows.getLong(2)).append(' ');
      }
    }
    return types.toString();
  }

  /** Waits until the event store has no unpublished row (checked every 100 ms). */
  private static void awaitDrained(String database, Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection connection = TestDatabase.connect(database);
        PreparedStatement count =
            connection.prepareStatement("select exists (select 1 from event_outbox)")) {
      while (true) {
        try (ResultSet row = count.executeQuery()) {
          row.next();
          if (!row.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the relay did not drain within " + timeout);
        }
        BenchPlatform.sleep(100);
      }
    }
  }

  private static ConsumerRecord<String, String> sampleRecord(String bootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(LEAD_TOPIC).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value().contains("LeadCaptured")) {
            return record;
          }
        }
      }
    }
    throw new IllegalStateException("no LeadCaptured record on " + LEAD_TOPIC);
  }

  /**
   * kafka-producer-perf-test style: {@code events} records of the sample's value, each keyed by a
   * lead id, sent with the relay's producer settings; nanoseconds until the last is acknowledged.
   */
  static long rawProducer(String bootstrap, String value, long events) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    // The outbox relay's settings (platform OutboxRelay.producerConfig).
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-raw-producer");
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      // The topic exists (and its metadata is known) before the clock starts.
      producer.partitionsFor(RAW_TOPIC);
      long started = System.nanoTime();
      for (long i = 0; i < events; i++) {
        producer.send(
            new ProducerRecord<>(RAW_TOPIC, UUID.randomUUID().toString(), value),
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
      long nanos = System.nanoTime() - started;
      if (failure.get() != null) {
        throw new IllegalStateException("the broker refused a record", failure.get());
      }
      return nanos;
    }
  }
}
