package io.themodel.kpi.kgi;

import io.themodel.platform.problem.InvalidParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Revenue against target (KGI) for a period, month by month within it, and the plan worked back
 * from the target. {@code period}: {@code 2026}, {@code 2026-Q2} or {@code 2026-04} (UTC); {@code
 * asOf}: an instant, default now.
 */
@Path("/")
public class KgiResource {

  /** A period's KGI and the same for each of its months. */
  public record KgiReport(Instant asOf, Kgi.Figures total, List<Kgi.Figures> months) {}

  private final Kgi kgi;
  private final ReversePlan plan;
  private final Clock clock;

  KgiResource(Kgi kgi, ReversePlan plan, Clock clock) {
    this.kgi = kgi;
    this.plan = plan;
    this.clock = clock;
  }

  @GET
  @Path("/kgi")
  public KgiReport kgi(@QueryParam("period") String period, @QueryParam("asOf") String asOf) {
    Period p = Period.parse("period", period);
    Instant at = asOf(asOf);
    List<Kgi.Figures> months =
        p.months() == 1 ? List.of() : p.monthsWithin().stream().map(m -> kgi.of(m, at)).toList();
    return new KgiReport(at, kgi.of(p, at), months);
  }

  @GET
  @Path("/plan")
  public ReversePlan.Plan plan(
      @QueryParam("period") String period, @QueryParam("asOf") String asOf) {
    return plan.of(Period.parse("period", period), asOf(asOf));
  }

  private Instant asOf(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      return clock.instant();
    }
    try {
      return Instant.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(
          "asOf", "must be an ISO-8601 instant such as 2026-04-01T00:00:00Z");
    }
  }
}
