package io.themodel.kpi.funnel;

import io.themodel.kpi.funnel.FunnelQuery.CohortKey;
import io.themodel.kpi.funnel.FunnelQuery.JourneyAtStage;
import io.themodel.kpi.funnel.FunnelQuery.StageFigures;
import io.themodel.platform.problem.InvalidParameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The cross-department funnel: how many journeys reached each stage in a period, how many went on
 * to the next, and how long they stayed; the same by cohort; and the journeys behind any count.
 * Every figure answers as of {@code asOf} (default now).
 */
@Path("/funnel")
public class FunnelResource {

  /** The funnel in a window, stages in journey order. */
  public record Funnel(Instant from, Instant to, Instant asOf, List<StageFigures> stages) {}

  /** One cohort's reached counts per stage. */
  public record Cohort(String cohort, Map<FunnelStage, Long> stages) {}

  /** Cohorts of journeys captured in a window. */
  public record Cohorts(
      CohortKey by, Instant from, Instant to, Instant asOf, List<Cohort> cohorts) {}

  /** The journeys behind a stage's count. */
  public record Journeys(
      FunnelStage stage,
      Instant from,
      Instant to,
      Instant asOf,
      int page,
      List<JourneyAtStage> journeys) {}

  /** Stock and flow of every stage over a period. */
  public record Balances(
      Instant from, Instant to, Instant asOf, List<StageBalances.Balance> balances) {}

  private final FunnelQuery query;
  private final StageBalances stageBalances;
  private final Clock clock;

  FunnelResource(FunnelQuery query, StageBalances stageBalances, Clock clock) {
    this.query = query;
    this.stageBalances = stageBalances;
    this.clock = clock;
  }

  /**
   * How many journeys stood in each stage at the start and the end of {@code [from, to)}, and how
   * many entered and left it in between (EXITED: left the funnel: disqualified, lost, churned,
   * excluded).
   */
  @GET
  @Path("/balances")
  public Balances balances(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow window = ReportWindow.of(from, to, asOf, clock);
    return new Balances(window.from(), window.to(), window.asOf(), stageBalances.balances(window));
  }

  @GET
  public Funnel funnel(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    ReportWindow window = ReportWindow.of(from, to, asOf, clock);
    return new Funnel(window.from(), window.to(), window.asOf(), query.figures(window));
  }

  @GET
  @Path("/cohorts")
  public Cohorts cohorts(
      @QueryParam("by") @DefaultValue("SOURCE") String by,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf) {
    CohortKey key = enumParameter("by", CohortKey.class, by);
    ReportWindow window = ReportWindow.of(from, to, asOf, clock);
    List<Cohort> cohorts =
        query.cohorts(key, window).entrySet().stream()
            .map(e -> new Cohort(e.getKey(), e.getValue()))
            .sorted(java.util.Comparator.comparing(Cohort::cohort))
            .toList();
    return new Cohorts(key, window.from(), window.to(), window.asOf(), cohorts);
  }

  @GET
  @Path("/journeys")
  public Journeys journeys(
      @QueryParam("stage") String stage,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("asOf") String asOf,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    if (stage == null) {
      throw new InvalidParameter("stage", "is required");
    }
    FunnelStage funnelStage = enumParameter("stage", FunnelStage.class, stage);
    ReportWindow window = ReportWindow.of(from, to, asOf, clock);
    return new Journeys(
        funnelStage,
        window.from(),
        window.to(),
        window.asOf(),
        page,
        query.journeys(funnelStage, window, page, size));
  }

  static <E extends Enum<E>> E enumParameter(String name, Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(
          name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
