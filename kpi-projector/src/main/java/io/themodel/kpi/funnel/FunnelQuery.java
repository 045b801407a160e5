package io.themodel.kpi.funnel;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The funnel's figures, read from the {@code funnel_transition} and {@code funnel_reached} views
 * that Grafana reads too: for each stage, the journeys that first reached it in the window, how
 * many of them went on to the next stage by {@code asOf}, and how long that took. Leads excluded as
 * of {@code asOf} (students, competitors, …) count in no figure.
 */
@ApplicationScoped
public class FunnelQuery {

  /** One stage's figures; times are in hours, null while no journey has moved on. */
  public record StageFigures(
      FunnelStage stage,
      long reached,
      long convertedToNext,
      BigDecimal conversionRate,
      BigDecimal medianHoursInStage,
      BigDecimal p90HoursInStage) {}

  /** A journey behind a count, with when it reached the stage and the next one. */
  public record JourneyAtStage(
      UUID leadId, java.time.Instant reachedAt, java.time.Instant nextReachedAt) {}

  private static final String FIGURES =
      """
      select s.stage,
             count(t.lead_id) as reached,
             count(t.lead_id) filter (where t.next_reached_at <= ?) as converted,
             percentile_cont(0.5) within group (order by extract(epoch from t.next_reached_at
                 - t.first_reached_at)) filter (where t.next_reached_at <= ?
                 and t.next_reached_at >= t.first_reached_at) as median_seconds,
             percentile_cont(0.9) within group (order by extract(epoch from t.next_reached_at
                 - t.first_reached_at)) filter (where t.next_reached_at <= ?
                 and t.next_reached_at >= t.first_reached_at) as p90_seconds
      from funnel_stage s
      left join (select * from funnel_transition c
                 where c.first_reached_at >= ? and c.first_reached_at < ?
                   and c.first_reached_at <= ?
                   and not exists (select 1 from excluded_leads(?) x where x.lead_id = c.lead_id)
                ) t on t.stage = s.stage
      group by s.stage, s.position
      order by s.position
      """;

  private static final String JOURNEYS =
      """
      select lead_id, first_reached_at,
             case when next_reached_at <= ? then next_reached_at end as next_reached_at
      from funnel_transition c
      where stage = ? and first_reached_at >= ? and first_reached_at < ? and first_reached_at <= ?
        and not exists (select 1 from excluded_leads(?) x where x.lead_id = c.lead_id)
      order by first_reached_at, lead_id
      limit ? offset ?
      """;

  private static final String COHORTS =
      """
      with p as (select cast(? as timestamptz) as as_of)
      select %s as cohort, r.stage, count(*)
      from p, funnel_reached r
      join journey j on j.lead_id = r.lead_id
      where j.captured_at >= ? and j.captured_at < ? and j.captured_at <= ?
        and r.first_reached_at <= ?
        and not exists (select 1 from excluded_leads(?) x where x.lead_id = r.lead_id)
      group by 1, 2
      """;

  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  private final DataSource dataSource;

  FunnelQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<StageFigures> figures(ReportWindow window) {
    List<StageFigures> figures = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FIGURES)) {
      Timestamp asOf = Timestamp.from(window.asOf());
      select.setTimestamp(1, asOf);
      select.setTimestamp(2, asOf);
      select.setTimestamp(3, asOf);
      select.setTimestamp(4, Timestamp.from(window.from()));
      select.setTimestamp(5, Timestamp.from(window.to()));
      select.setTimestamp(6, asOf);
      select.setTimestamp(7, asOf);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long reached = rows.getLong("reached");
          long converted = rows.getLong("converted");
          figures.add(
              new StageFigures(
                  FunnelStage.valueOf(rows.getString("stage")),
                  reached,
                  converted,
                  reached == 0
                      ? null
                      : BigDecimal.valueOf(converted)
                          .divide(BigDecimal.valueOf(reached), 4, RoundingMode.HALF_UP),
                  hours(rows.getBigDecimal("median_seconds")),
                  hours(rows.getBigDecimal("p90_seconds"))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the funnel", e);
    }
    return figures;
  }

  /** The journeys behind one stage's count in the window, a page at a time. */
  public List<JourneyAtStage> journeys(FunnelStage stage, ReportWindow window, int page, int size) {
    List<JourneyAtStage> journeys = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(JOURNEYS)) {
      Timestamp asOf = Timestamp.from(window.asOf());
      select.setTimestamp(1, asOf);
      select.setString(2, stage.name());
      select.setTimestamp(3, Timestamp.from(window.from()));
      select.setTimestamp(4, Timestamp.from(window.to()));
      select.setTimestamp(5, asOf);
      select.setTimestamp(6, asOf);
      select.setInt(7, size);
      select.setLong(8, (long) page * size);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Timestamp next = rows.getTimestamp("next_reached_at");
          journeys.add(
              new JourneyAtStage(
                  rows.getObject("lead_id", UUID.class),
                  rows.getTimestamp("first_reached_at").toInstant(),
                  next == null ? null : next.toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the journeys at " + stage, e);
    }
    return journeys;
  }

  /** How a cohort of journeys is formed. */
  public enum CohortKey {
    SOURCE("coalesce(j.source, 'UNKNOWN')"),
    CAMPAIGN("coalesce(j.campaign, 'none')"),
    CAPTURE_MONTH("to_char(j.captured_at at time zone 'UTC', 'YYYY-MM')"),
    /** The score band the lead was first qualified with (as of asOf), else NOT_QUALIFIED. */
    SCORE_BAND(
        "coalesce((select m.data ->> 'band' from fact m where m.lead_id = j.lead_id"
            + " and m.type = 'MarketingQualified' and m.occurred_at <= p.as_of"
            + " order by m.occurred_at, m.event_id limit 1), 'NOT_QUALIFIED')"),
    /** Employees as Inside Sales last profiled the company (as of asOf), in bands, else UNKNOWN. */
    COMPANY_SIZE(
        "coalesce((select case when e < 50 then '1-49' when e < 300 then '50-299'"
            + " when e < 1000 then '300-999' else '1000+' end"
            + " from (select (x.data ->> 'employees')::int as e from fact x"
            + " where x.lead_id = j.lead_id and x.type = 'ProspectProfiled'"
            + " and x.occurred_at <= p.as_of and x.data ->> 'employees' is not null"
            + " order by x.occurred_at desc, x.event_id desc limit 1) s), 'UNKNOWN')");

    private final String expression;

    CohortKey(String expression) {
      this.expression = expression;
    }
  }

  /**
   * For journeys captured in the window, grouped by the key: how many reached each stage by asOf.
   * Every cohort lists every stage.
   */
  public Map<String, Map<FunnelStage, Long>> cohorts(CohortKey key, ReportWindow window) {
    Map<String, Map<FunnelStage, Long>> cohorts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(COHORTS.formatted(key.expression))) {
      Timestamp asOf = Timestamp.from(window.asOf());
      select.setTimestamp(1, asOf);
      select.setTimestamp(2, Timestamp.from(window.from()));
      select.setTimestamp(3, Timestamp.from(window.to()));
      select.setTimestamp(4, asOf);
      select.setTimestamp(5, asOf);
      select.setTimestamp(6, asOf);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          cohorts
              .computeIfAbsent(rows.getString("cohort"), c -> emptyStages())
              .put(FunnelStage.valueOf(rows.getString("stage")), rows.getLong(3));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read cohorts by " + key, e);
    }
    return cohorts;
  }

  private static Map<FunnelStage, Long> emptyStages() {
    Map<FunnelStage, Long> stages = new LinkedHashMap<>();
    for (FunnelStage stage : FunnelStage.values()) {
      stages.put(stage, 0L);
    }
    return stages;
  }

  private static BigDecimal hours(BigDecimal seconds) {
    return seconds == null ? null : seconds.divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
  }
}
