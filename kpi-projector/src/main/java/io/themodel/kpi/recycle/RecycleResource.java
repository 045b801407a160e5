package io.themodel.kpi.recycle;

import io.themodel.kpi.funnel.ReportWindow;
import io.themodel.kpi.recycle.RecycleQuery.Flow;
import io.themodel.kpi.recycle.RecycleQuery.Reconversion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Recycle A, Recycle B and win-back flows, with re-conversion compared with fresh leads. */
@Path("/recycle")
public class RecycleResource {

  /** The flows of a window. */
  public record RecycleFlows(
      Instant from, Instant to, Instant asOf, List<Flow> flows, Reconversion freshLeads) {}

  private final RecycleQuery query;
  private final Clock clock;

  RecycleResource(RecycleQuery query, Clock clock) {
    this.query = query;
    this.clock = clock;
  }

  @GET
  public RecycleFlows flows(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow window = ReportWindow.of(from, to, asOf, clock);
    return new RecycleFlows(
        window.from(), window.to(), window.asOf(), query.flows(window), query.fresh(window));
  }
}
