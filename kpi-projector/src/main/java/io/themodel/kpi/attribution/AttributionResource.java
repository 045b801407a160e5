package io.themodel.kpi.attribution;

import io.themodel.kpi.funnel.ReportWindow;
import io.themodel.kpi.readmodel.ReadModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Revenue won in the period attributed to lead sources two ways: to the source the journey was
 * first captured from (first touch) and to the source of its latest nurturing touch before the win
 * (last touch), from the {@code won_attribution} view.
 */
@Path("/attribution")
public class AttributionResource {

  /** One source's won deals and revenue per currency. */
  public record SourceRevenue(long deals, Map<String, BigDecimal> revenue) {}

  /** Both attributions of the period's won revenue. */
  public record Attribution(
      Instant from,
      Instant to,
      Instant asOf,
      Map<String, SourceRevenue> firstTouch,
      Map<String, SourceRevenue> lastTouch) {}

  private static final String BY_SOURCE =
      """
      select %s as source, currency, count(*) as deals, sum(amount) as revenue
      from won_attribution
      where won_at >= ? and won_at < ? and won_at <= ?
      group by 1, 2
      order by 1, 2
      """;

  private final ReadModel readModel;
  private final Clock clock;

  AttributionResource(ReadModel readModel, Clock clock) {
    this.readModel = readModel;
    this.clock = clock;
  }

  @GET
  public Attribution attribution(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow w = ReportWindow.of(from, to, asOf, clock);
    return new Attribution(
        w.from(), w.to(), w.asOf(), bySource("first_source", w), bySource("last_source", w));
  }

  private Map<String, SourceRevenue> bySource(String column, ReportWindow w) {
    Map<String, SourceRevenue> sources = new TreeMap<>();
    readModel.list(
        BY_SOURCE.formatted(column),
        row -> {
          String source = row.getString("source");
          SourceRevenue known = sources.get(source);
          Map<String, BigDecimal> revenue =
              known == null ? new TreeMap<>() : new TreeMap<>(known.revenue());
          if (row.getString("currency") != null) {
            revenue.merge(row.getString("currency"), row.getBigDecimal("revenue"), BigDecimal::add);
          }
          long deals = (known == null ? 0 : known.deals()) + row.getLong("deals");
          return sources.put(source, new SourceRevenue(deals, revenue));
        },
        w.from(),
        w.to(),
        w.asOf());
    return sources;
  }
}
