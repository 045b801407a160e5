package io.themodel.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBroker;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A relay killed after the broker acknowledged its batches and before it marked the rows leaves
 * them unmarked. Whoever relays next finds them on the topic's tail and marks them without sending
 * them again: each event is on its topic once. And a relay sending batch n+1 while batch n is being
 * marked neither skips a row that commits late behind it nor sends one twice.
 */
class OutboxRelayReconcileTest {

  private static final String DATABASE = "platform_relay_test";
  private static final EventCodec CODEC = new EventCodec();

  private static String jdbcUrl;

  @BeforeAll
  static void emptyStore() throws Exception {
    jdbcUrl = TestDatabase.recreate(DATABASE);
    try (Connection connection = TestDatabase.connect(TestDatabase.name(DATABASE));
        Statement statement = connection.createStatement()) {
      statement.execute(resource("db/event-store/V1.0__event_store.sql"));
      statement.execute(resource("db/event-store/V1.3__event_outbox.sql"));
    }
  }

  @Test
  void rows_the_broker_has_but_the_store_never_marked_are_marked_and_not_sent_again()
      throws Exception {
    List<UUID> events = new ArrayList<>(append(30));
    runRelayUntilDrained();

    // the killed relay's last batch: acknowledged by the broker, never marked; and new events
    unmarkTheLast(10);
    events.addAll(append(5));
    runRelayUntilDrained();

    assertOnceEach(events);
  }

  @Test
  void two_batches_sent_and_never_marked_are_both_marked_and_not_sent_again() throws Exception {
    List<UUID> events = new ArrayList<>(append(30));
    runRelayUntilDrained(5);

    // the pipeline's worst case: the batch being marked and the next one, both acknowledged
    unmarkTheLast(10);
    events.addAll(append(5));
    runRelayUntilDrained(5);

    assertOnceEach(events);
  }

  @Test
  void a_row_that_commits_behind_the_batches_in_flight_is_sent_once() throws Exception {
    List<UUID> events = new ArrayList<>(append(300));
    try (Connection late = connect()) {
      late.setAutoCommit(false);
      events.addAll(append(late, 1)); // its position is taken now, between the others
      events.addAll(append(300));
      OutboxRelay relay = relay(20);
      relay.start(null);
      try {
        // committed while the relay is past it, most likely with batches in flight
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from event_outbox") <= 200);
        late.commit();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> count("select count(*) from event_outbox") == 0);
      } finally {
        relay.stop(null);
      }
    }

    assertOnceEach(events);
  }

  /** What a relay killed between the broker's acknowledgement and its marking leaves. */
  private static void unmarkTheLast(int rows) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement unmark =
            connection.prepareStatement(
                "insert into event_outbox (position) select position from event_store order by"
                    + " position desc limit ?")) {
      unmark.setInt(1, rows);
      assertThat(unmark.executeUpdate()).isEqualTo(rows);
    }
  }

  /** Each of the events is on the lead topic exactly once. */
  private static void assertOnceEach(List<UUID> events) {
    Map<UUID, Long> copies =
        new TopicProbe(KafkaBroker.shared().bootstrapServers())
            .records(Department.LEAD.topic()).stream()
                .map(record -> CODEC.read(record.value()))
                .map(CloudEvent::id)
                .filter(Set.copyOf(events)::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(copies).hasSize(events.size());
    assertThat(copies).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));
  }

  private static void runRelayUntilDrained() {
    runRelayUntilDrained(500);
  }

  /** Starts a relay, waits until the store has nothing unpublished, stops it. */
  private static void runRelayUntilDrained(int batchSize) {
    OutboxRelay relay = relay(batchSize);
    relay.start(null);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> count("select count(*) from event_outbox") == 0);
    } finally {
      relay.stop(null);
    }
  }

  private static OutboxRelay relay(int batchSize) {
    return new OutboxRelay(
        CODEC,
        new SimpleMeterRegistry(),
        true,
        Duration.ofMillis(100),
        batchSize,
        KafkaBroker.shared().bootstrapServers(),
        new StoreConnections(jdbcUrl, TestDatabase.user(), Optional.of(TestDatabase.password())));
  }

  /** Appends LeadCaptured events of new leads, as a lead-service command would. */
  private static List<UUID> append(int n) throws SQLException {
    try (Connection connection = connect()) {
      return append(connection, n);
    }
  }

  private static List<UUID> append(Connection connection, int n) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into event_store (stream_id, stream_type, stream_version, event_id, type,"
                + " schema_version, occurred_at, recorded_at, correlation_id, actor,"
                + " journey_key, lead_id, payload)"
                + " values (?, 'lead', 1, ?, ?, ?, ?, ?, ?, 'test', ?, ?, cast(? as jsonb))")) {
      for (int i = 0; i < n; i++) {
        UUID lead = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        LeadCaptured event = TestEvents.leadCaptured(lead);
        EventType type = EventType.of(event);
        Timestamp now = Timestamp.from(Instant.now());
        insert.setString(1, lead.toString());
        insert.setObject(2, eventId);
        insert.setString(3, type.typeName());
        insert.setInt(4, type.version());
        insert.setTimestamp(5, now);
        insert.setTimestamp(6, now);
        insert.setObject(7, UUID.randomUUID());
        insert.setString(8, lead.toString());
        insert.setObject(9, lead);
        insert.setString(10, CODEC.writeData(event));
        insert.executeUpdate();
        ids.add(eventId);
      }
    }
    return ids;
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection connect() throws SQLException {
    return TestDatabase.connect(TestDatabase.name(DATABASE));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        OutboxRelayReconcileTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
