package io.themodel.platform.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.platform.relay.OutboxWakeUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The service's append-only event log in its own PostgreSQL database, and its outbox: rows are
 * published by the relay, which {@link OutboxWakeUp} wakes once the transaction that appended them
 * has committed. {@code unique (stream_id, stream_version)} makes a concurrent append to the same
 * stream fail instead of overwriting.
 */
@ApplicationScoped
public class EventStore {

  private static final Logger LOG = Logger.getLogger(EventStore.class);

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final EventCodec codec;
  private final Clock clock;
  private final Counter appended;
  private final OutboxWakeUp wakeUp;

  EventStore(
      DataSource dataSource,
      EventCodec codec,
      Clock clock,
      MeterRegistry registry,
      OutboxWakeUp wakeUp) {
    this.dataSource = dataSource;
    this.wakeUp = wakeUp;
    this.codec = codec;
    this.clock = clock;
    this.appended = registry.counter("themodel.events.appended");
  }

  /** The events of one stream in order; empty when the stream does not exist. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StoredEvent> load(String streamId) {
    String sql =
        "select position, stream_id, stream_version, event_id, type, occurred_at, correlation_id,"
            + " causation_id, actor, payload from event_store where stream_id = ? order by"
            + " stream_version";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, streamId);
      try (ResultSet rows = select.executeQuery()) {
        List<StoredEvent> events = new ArrayList<>();
        while (rows.next()) {
          events.add(read(rows));
        }
        return events;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load stream " + streamId, e);
    }
  }

  /**
   * Appends events to a stream that must be at {@code expectedVersion} (0 for a new stream), in the
   * caller's transaction.
   *
   * @throws ConcurrencyConflict when another append got there first
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<StoredEvent> append(
      String streamId,
      String streamType,
      long expectedVersion,
      List<? extends DomainEvent> events,
      EventMetadata metadata) {
    if (events.isEmpty()) {
      return List.of();
    }
    String sql =
        "insert into event_store (stream_id, stream_type, stream_version, event_id, type,"
            + " schema_version, occurred_at, recorded_at, correlation_id, causation_id, actor,"
            + " journey_key, lead_id, account_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, cast(? as jsonb))";
    Instant now = clock.instant();
    List<StoredEvent> stored = new ArrayList<>(events.size());
    // one batch, one round trip, however many events; the positions come back in order
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql, new String[] {"position"})) {
      List<UUID> eventIds = new ArrayList<>(events.size());
      List<EventType> types = new ArrayList<>(events.size());
      for (int i = 0; i < events.size(); i++) {
        DomainEvent event = events.get(i);
        EventType type = EventType.of(event);
        UUID eventId = UUID.randomUUID();
        eventIds.add(eventId);
        types.add(type);
        insert.setString(1, streamId);
        insert.setString(2, streamType);
        insert.setLong(3, expectedVersion + 1 + i);
        insert.setObject(4, eventId);
        insert.setString(5, type.typeName());
        insert.setInt(6, type.version());
        insert.setTimestamp(7, Timestamp.from(now));
        insert.setTimestamp(8, Timestamp.from(now));
        insert.setObject(9, metadata.correlationId());
        insert.setObject(10, metadata.causationId(), Types.OTHER);
        insert.setString(11, metadata.actor());
        insert.setString(12, event.leadId() == null ? streamId : event.leadId().toString());
        insert.setObject(13, event.leadId(), Types.OTHER);
        insert.setObject(14, event.accountId(), Types.OTHER);
        insert.setString(15, codec.writeData(event));
        insert.addBatch();
      }
      insert.executeBatch();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        for (int i = 0; i < events.size(); i++) {
          keys.next();
          stored.add(
              new StoredEvent(
                  keys.getLong(1),
                  streamId,
                  expectedVersion + 1 + i,
                  eventIds.get(i),
                  types.get(i),
                  now,
                  metadata,
                  events.get(i)));
        }
      }
    } catch (SQLException e) {
      if (uniqueViolation(e)) {
        throw new ConcurrencyConflict(streamId, expectedVersion);
      }
      throw new IllegalStateException("cannot append to stream " + streamId, e);
    }
    wakeUp.afterCommit();
    appended.increment(stored.size());
    if (LOG.isDebugEnabled()) {
      // ids and types only: a payload may hold a person's name, email or phone
      LOG.debugf(
          "appended to %s %s: %s",
          streamType,
          streamId,
          stored.stream().map(e -> e.type().simpleName() + " " + e.eventId()).toList());
    }
    return stored;
  }

  /** A batch reports the failed statement's error as its next exception. */
  private static boolean uniqueViolation(SQLException e) {
    for (SQLException error = e; error != null; error = error.getNextException()) {
      if (UNIQUE_VIOLATION.equals(error.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private StoredEvent read(ResultSet row) throws SQLException {
    String typeName = row.getString("type");
    EventType type =
        EventType.byTypeName(typeName)
            .orElseThrow(() -> new IllegalStateException("unknown type in store: " + typeName));
    DomainEvent event = codec.fromData(type, codec.parseData(row.getString("payload")));
    EventMetadata metadata =
        new EventMetadata(
            row.getObject("correlation_id", UUID.class),
            row.getObject("causation_id", UUID.class),
            row.getString("actor"));
    return new StoredEvent(
        row.getLong("position"),
        row.getString("stream_id"),
        row.getLong("stream_version"),
        row.getObject("event_id", UUID.class),
        type,
        row.getTimestamp("occurred_at").toInstant(),
        metadata,
        event);
  }
}
