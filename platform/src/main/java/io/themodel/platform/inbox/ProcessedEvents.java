package io.themodel.platform.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code processed_event} table, many events at once: a batch of the live consumer or a poll of
 * kpi-projector's rebuild is marked in one statement, and only the events not marked before come
 * back, so each is applied once.
 */
public final class ProcessedEvents {

  private static final String MARK =
      "insert into processed_event (event_id, topic, processed_at) select id, topic, ? from"
          + " unnest(?::uuid[], ?::text[]) as delivered (id, topic) on conflict (event_id) do"
          + " nothing returning event_id";

  private ProcessedEvents() {}

  /**
   * Marks the events (each id with the topic it came from) processed at {@code at}, on the given
   * connection; returns the ids that were not processed before.
   */
  public static Set<UUID> mark(Connection connection, Instant at, Map<UUID, String> topics)
      throws SQLException {
    String[] ids = new String[topics.size()];
    String[] names = new String[topics.size()];
    int i = 0;
    for (Map.Entry<UUID, String> event : topics.entrySet()) {
      ids[i] = event.getKey().toString();
      names[i++] = event.getValue();
    }
    Set<UUID> fresh = new HashSet<>();
    try (PreparedStatement mark = connection.prepareStatement(MARK)) {
      mark.setTimestamp(1, Timestamp.from(at));
      mark.setArray(2, connection.createArrayOf("text", ids));
      mark.setArray(3, connection.createArrayOf("text", names));
      try (ResultSet rows = mark.executeQuery()) {
        while (rows.next()) {
          fresh.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return fresh;
  }
}
