package io.themodel.kpi.department;

import io.themodel.kpi.funnel.ReportWindow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;

/**
 * Each department's KPIs for the period {@code [from, to)} as of {@code asOf} (default: all time up
 * to now): marketing (leads, MQLs, by source), Inside Sales (calls → connects → contacts →
 * nurturing → opportunities → valid opportunities), Field Sales (win rate, cycle time, revenue,
 * pipeline) and Customer Success (retention, churn, health, expansion, advocacy).
 */
@Path("/kpis")
public class DepartmentKpiResource {

  /** A department's figures with the window they answer for. */
  public record Kpis<T>(Instant from, Instant to, Instant asOf, T figures) {}

  private final DepartmentKpis kpis;
  private final Clock clock;

  DepartmentKpiResource(DepartmentKpis kpis, Clock clock) {
    this.kpis = kpis;
    this.clock = clock;
  }

  @GET
  @Path("/marketing")
  public Kpis<DepartmentKpis.Marketing> marketing(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow w = ReportWindow.of(from, to, asOf, clock);
    return new Kpis<>(w.from(), w.to(), w.asOf(), kpis.marketing(w));
  }

  @GET
  @Path("/inside-sales")
  public Kpis<DepartmentKpis.InsideSales> insideSales(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow w = ReportWindow.of(from, to, asOf, clock);
    return new Kpis<>(w.from(), w.to(), w.asOf(), kpis.insideSales(w));
  }

  @GET
  @Path("/field-sales")
  public Kpis<DepartmentKpis.FieldSales> fieldSales(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow w = ReportWindow.of(from, to, asOf, clock);
    return new Kpis<>(w.from(), w.to(), w.asOf(), kpis.fieldSales(w));
  }

  @GET
  @Path("/customer-success")
  public Kpis<DepartmentKpis.CustomerSuccess> customerSuccess(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow w = ReportWindow.of(from, to, asOf, clock);
    return new Kpis<>(w.from(), w.to(), w.asOf(), kpis.customerSuccess(w));
  }
}
