package io.themodel.success.usage;

import io.themodel.events.success.UsageRecorded;
import io.themodel.platform.store.ConcurrencyConflict;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.EventStore;
import io.themodel.success.usage.UsageLedger.MetricKey;
import io.themodel.success.usage.UsageLedger.UsageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records a usage batch in one transaction: the ledger decides against the metrics already
 * recorded, the new metrics are inserted and one UsageRecorded per accepted record is appended to
 * the account's usage stream. A concurrent batch for the same account fails with a conflict.
 */
@ApplicationScoped
public class UsageRecording {

  static final String STREAM_TYPE = "usage";
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final EventStore store;
  private final Clock clock;
  private final ZoneId zone;

  UsageRecording(
      DataSource dataSource,
      EventStore store,
      Clock clock,
      @ConfigProperty(name = "themodel.usage.time-zone", defaultValue = "UTC") ZoneId zone) {
    this.dataSource = dataSource;
    this.store = store;
    this.clock = clock;
    this.zone = zone;
  }

  /** The usage stream of one account. */
  static String streamOf(UUID accountId) {
    return "usage-" + accountId;
  }

  @Transactional
  public UsageLedger.Decision record(List<UsageRecord> batch, EventMetadata metadata) {
    List<UUID> accounts =
        batch.stream().map(UsageRecord::accountId).filter(Objects::nonNull).distinct().toList();
    try (Connection connection = dataSource.getConnection()) {
      Map<UUID, UUID> leads = leads(connection, accounts);
      Map<MetricKey, Integer> recorded = recorded(connection, accounts);
      UsageLedger.Decision decision =
          UsageLedger.decide(batch, recorded, leads, LocalDate.now(clock.withZone(zone)));
      insert(connection, decision.newMetrics());
      append(connection, decision.events(), metadata);
      return decision;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record usage", e);
    }
  }

  private static Map<UUID, UUID> leads(Connection connection, List<UUID> accounts)
      throws SQLException {
    Map<UUID, UUID> leads = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select account_id, lead_id from customer_view where account_id = any(?)")) {
      select.setArray(1, uuids(connection, accounts));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          leads.put(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
        }
      }
    }
    return leads;
  }

  private static Map<MetricKey, Integer> recorded(Connection connection, List<UUID> accounts)
      throws SQLException {
    Map<MetricKey, Integer> recorded = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select account_id, day, metric, value from usage_metric where account_id = any(?)")) {
      select.setArray(1, uuids(connection, accounts));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          recorded.put(
              new MetricKey(
                  rows.getObject(1, UUID.class), rows.getDate(2).toLocalDate(), rows.getString(3)),
              rows.getInt(4));
        }
      }
    }
    return recorded;
  }

  private void insert(Connection connection, Map<MetricKey, Integer> metrics) throws SQLException {
    if (metrics.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into usage_metric (account_id, day, metric, value, recorded_at)"
                + " values (?, ?, ?, ?, ?)")) {
      for (Map.Entry<MetricKey, Integer> metric : metrics.entrySet()) {
        insert.setObject(1, metric.getKey().accountId());
        insert.setDate(2, Date.valueOf(metric.getKey().day()));
        insert.setString(3, metric.getKey().metric());
        insert.setInt(4, metric.getValue());
        insert.setTimestamp(5, now);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())
          || (e.getNextException() != null
              && UNIQUE_VIOLATION.equals(e.getNextException().getSQLState()))) {
        throw new ConcurrencyConflict("usage", -1);
      }
      throw e;
    }
  }

  private void append(Connection connection, List<UsageRecorded> events, EventMetadata metadata)
      throws SQLException {
    Map<UUID, List<UsageRecorded>> byAccount = new LinkedHashMap<>();
    for (UsageRecorded event : events) {
      byAccount.computeIfAbsent(event.accountId(), a -> new ArrayList<>()).add(event);
    }
    if (byAccount.isEmpty()) {
      return;
    }
    Map<String, Long> versions = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select stream_id, max(stream_version) from event_store where stream_id = any(?)"
                + " group by stream_id")) {
      select.setArray(
          1,
          connection.createArrayOf(
              "text", byAccount.keySet().stream().map(UsageRecording::streamOf).toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          versions.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    byAccount.forEach(
        (account, accountEvents) -> {
          String stream = streamOf(account);
          store.append(
              stream, STREAM_TYPE, versions.getOrDefault(stream, 0L), accountEvents, metadata);
        });
  }

  private static Array uuids(Connection connection, List<UUID> ids) throws SQLException {
    return connection.createArrayOf("uuid", ids.toArray());
  }
}
