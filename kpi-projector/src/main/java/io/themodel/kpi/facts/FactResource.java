package io.themodel.kpi.facts;

import static io.themodel.kpi.readmodel.ReadModel.instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.themodel.events.EventType;
import io.themodel.kpi.funnel.ReportWindow;
import io.themodel.kpi.readmodel.ReadModel;
import io.themodel.platform.problem.InvalidParameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The events behind a KPI count (drill-down): the facts of one event type that happened in the
 * window and were known as of {@code asOf}, optionally of one rep or one journey, in time order, a
 * page at a time. Every department KPI counts facts of a type in a window (calls, toss-ups, deals
 * won, renewals, feedback, …), so each of its counts opens here with the same filters.
 */
@Path("/facts")
public class FactResource {

  /** One applied event as the read model keeps it (no personal data). */
  public record FactView(
      UUID eventId,
      UUID leadId,
      UUID accountId,
      String type,
      String stage,
      Instant occurredAt,
      String rep,
      BigDecimal amount,
      String currency,
      String reason,
      JsonNode data) {}

  /** A page of facts with the filters that chose them. */
  public record Facts(
      String type, Instant from, Instant to, Instant asOf, int page, List<FactView> facts) {}

  private static final String SELECT =
      """
      select event_id, lead_id, account_id, type, stage, occurred_at, rep, amount, currency, reason,
             data::text as data
      from fact
      where type = ? and occurred_at >= ? and occurred_at < ? and occurred_at <= ?
        and (cast(? as text) is null or rep = ?)
        and (cast(? as uuid) is null or lead_id = ?)
      order by occurred_at, event_id
      limit ? offset ?
      """;

  private final ReadModel readModel;
  private final Clock clock;

  FactResource(ReadModel readModel, Clock clock) {
    this.readModel = readModel;
    this.clock = clock;
  }

  @GET
  public Facts facts(
      @QueryParam("type") String type,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf,
      @QueryParam("rep") String rep,
      @QueryParam("leadId") UUID leadId,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    if (type == null
        || Arrays.stream(EventType.values()).noneMatch(t -> t.simpleName().equals(type))) {
      throw new InvalidParameter(
          "type", "must name an event type of the catalogue, e.g. CallLogged or DealWon");
    }
    ReportWindow w = ReportWindow.of(from, to, asOf, clock);
    List<FactView> facts =
        readModel.list(
            SELECT,
            row ->
                new FactView(
                    row.getObject("event_id", UUID.class),
                    row.getObject("lead_id", UUID.class),
                    row.getObject("account_id", UUID.class),
                    row.getString("type"),
                    row.getString("stage"),
                    instant(row, "occurred_at"),
                    row.getString("rep"),
                    row.getBigDecimal("amount"),
                    row.getString("currency"),
                    row.getString("reason"),
                    readModel.json(row.getString("data"))),
            type,
            w.from(),
            w.to(),
            w.asOf(),
            rep,
            rep,
            leadId,
            leadId,
            size,
            (long) page * size);
    return new Facts(type, w.from(), w.to(), w.asOf(), page, facts);
  }
}
