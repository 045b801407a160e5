package io.themodel.kpi.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.themodel.kpi.funnel.ReportWindow;
import io.themodel.kpi.readmodel.ReadModel;
import io.themodel.platform.command.CommandRejected;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One journey's, or one customer account's, whole cross-department history in the order it
 * happened: an account's timeline holds every event of the journeys that led to it.
 */
@Path("/")
public class TimelineResource {

  /** One event of the journey (its data without personal data). */
  public record Entry(UUID eventId, String type, String stage, Instant occurredAt, JsonNode data) {}

  /** The journey as of an instant. */
  public record Timeline(UUID leadId, Instant asOf, List<Entry> events) {}

  private static final String SELECT =
      "select event_id, type, stage, occurred_at, data::text from fact where lead_id = ? and"
          + " occurred_at <= ? order by occurred_at, event_id";

  private static final String SELECT_ACCOUNT =
      "select event_id, type, stage, occurred_at, data::text from fact where occurred_at <= ? and"
          + " (account_id = ? or lead_id in (select a.lead_id from fact a where a.account_id = ?"
          + " and a.occurred_at <= ?)) order by occurred_at, event_id";

  /** An account's history as of an instant. */
  public record AccountTimeline(UUID accountId, Instant asOf, List<Entry> events) {}

  private final ReadModel readModel;
  private final Clock clock;

  TimelineResource(ReadModel readModel, Clock clock) {
    this.readModel = readModel;
    this.clock = clock;
  }

  @GET
  @Path("/journeys/{leadId}/timeline")
  public Timeline timeline(@PathParam("leadId") UUID leadId, @QueryParam("asOf") String asOf) {
    ReportWindow window = ReportWindow.of(null, null, asOf, clock);
    Timestamp at = Timestamp.from(window.asOf());
    List<Entry> entries = entries(SELECT, leadId, at);
    if (entries.isEmpty()) {
      throw CommandRejected.notFound("no journey " + leadId + " as of " + window.asOf());
    }
    return new Timeline(leadId, window.asOf(), entries);
  }

  @GET
  @Path("/accounts/{accountId}/timeline")
  public AccountTimeline accountTimeline(
      @PathParam("accountId") UUID accountId, @QueryParam("asOf") String asOf) {
    ReportWindow window = ReportWindow.of(null, null, asOf, clock);
    Timestamp at = Timestamp.from(window.asOf());
    List<Entry> entries = entries(SELECT_ACCOUNT, at, accountId, accountId, at);
    if (entries.isEmpty()) {
      throw CommandRejected.notFound("no account " + accountId + " as of " + window.asOf());
    }
    return new AccountTimeline(accountId, window.asOf(), entries);
  }

  private List<Entry> entries(String sql, Object... parameters) {
    return readModel.list(
        sql,
        row ->
            new Entry(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                row.getTimestamp(4).toInstant(),
                readModel.json(row.getString(5))),
        parameters);
  }
}
