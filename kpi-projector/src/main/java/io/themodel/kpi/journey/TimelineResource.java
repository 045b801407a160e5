package io.themodel.kpi.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.themodel.kpi.funnel.ReportWindow;
import io.themodel.platform.command.CommandRejected;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** One journey's whole cross-department history, in the order it happened. */
@Path("/journeys/{leadId}/timeline")
public class TimelineResource {

  /** One event of the journey (its data without personal data). */
  public record Entry(UUID eventId, String type, String stage, Instant occurredAt, JsonNode data) {}

  /** The journey as of an instant. */
  public record Timeline(UUID leadId, Instant asOf, List<Entry> events) {}

  private static final String SELECT =
      "select event_id, type, stage, occurred_at, data::text from fact where lead_id = ? and"
          + " occurred_at <= ? order by occurred_at, event_id";

  private final DataSource dataSource;
  private final ObjectMapper json;
  private final Clock clock;

  TimelineResource(DataSource dataSource, ObjectMapper json, Clock clock) {
    this.dataSource = dataSource;
    this.json = json;
    this.clock = clock;
  }

  @GET
  public Timeline timeline(@PathParam("leadId") UUID leadId, @QueryParam("asOf") String asOf) {
    ReportWindow window = ReportWindow.of(null, null, asOf, clock);
    List<Entry> entries = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT)) {
      select.setObject(1, leadId);
      select.setTimestamp(2, Timestamp.from(window.asOf()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new Entry(
                  rows.getObject(1, UUID.class),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getTimestamp(4).toInstant(),
                  json.readTree(rows.getString(5))));
        }
      }
    } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot read the timeline of " + leadId, e);
    }
    if (entries.isEmpty()) {
      throw CommandRejected.notFound("no journey " + leadId + " as of " + window.asOf());
    }
    return new Timeline(leadId, window.asOf(), entries);
  }
}
