package io.themodel.kpi.recycle;

import io.themodel.kpi.funnel.ReportWindow;
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
import javax.sql.DataSource;

/**
 * Recycle flows from the {@code recycle_flow} view: Recycle A, Recycle B and win-back volumes and
 * reasons, and how often recycled leads come back to MQL, toss-up and won afterwards, next to the
 * same rates for fresh leads captured in the window.
 */
@ApplicationScoped
public class RecycleQuery {

  /** The share of a group that reached a stage again (after its recycle) by asOf. */
  public record Reconversion(long leads, BigDecimal toMql, BigDecimal toTossUp, BigDecimal toWon) {}

  /** One recycle kind's volume, reasons and re-conversion. */
  public record Flow(
      String kind, long recycled, Map<String, Long> reasons, Reconversion reconversion) {}

  private static final String FLOWS =
      """
      select r.kind, count(*) as recycled,
             count(*) filter (where exists (select 1 from fact f where f.lead_id = r.lead_id
                 and f.stage = 'MQL' and f.occurred_at > r.recycled_at and f.occurred_at <= ?)) as mql,
             count(*) filter (where exists (select 1 from fact f where f.lead_id = r.lead_id
                 and f.stage = 'TOSSED_UP' and f.occurred_at > r.recycled_at and f.occurred_at <= ?)) as tossed,
             count(*) filter (where exists (select 1 from fact f where f.lead_id = r.lead_id
                 and f.stage = 'WON' and f.occurred_at > r.recycled_at and f.occurred_at <= ?)) as won
      from recycle_flow r
      where r.recycled_at >= ? and r.recycled_at < ? and r.recycled_at <= ?
      group by r.kind
      order by r.kind
      """;

  private static final String REASONS =
      """
      select kind, coalesce(reason, 'unspecified') as reason, count(*)
      from recycle_flow
      where recycled_at >= ? and recycled_at < ? and recycled_at <= ?
      group by 1, 2
      order by 1, 3 desc, 2
      """;

  private static final String FRESH =
      """
      select count(*) as leads,
             count(*) filter (where exists (select 1 from fact f where f.lead_id = j.lead_id
                 and f.stage = 'MQL' and f.occurred_at <= ?)) as mql,
             count(*) filter (where exists (select 1 from fact f where f.lead_id = j.lead_id
                 and f.stage = 'TOSSED_UP' and f.occurred_at <= ?)) as tossed,
             count(*) filter (where exists (select 1 from fact f where f.lead_id = j.lead_id
                 and f.stage = 'WON' and f.occurred_at <= ?)) as won
      from journey j
      where j.captured_at >= ? and j.captured_at < ? and j.captured_at <= ?
        and not exists (select 1 from recycle_flow r where r.lead_id = j.lead_id
            and r.recycled_at <= ?)
        and not exists (select 1 from excluded_leads(?) x where x.lead_id = j.lead_id)
      """;

  private final DataSource dataSource;

  RecycleQuery(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<Flow> flows(ReportWindow window) {
    Map<String, Map<String, Long>> reasons = reasons(window);
    List<Flow> flows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FLOWS)) {
      bind(select, window, 3);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String kind = rows.getString("kind");
          long recycled = rows.getLong("recycled");
          flows.add(
              new Flow(
                  kind,
                  recycled,
                  reasons.getOrDefault(kind, Map.of()),
                  reconversion(recycled, rows)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read recycle flows", e);
    }
    return flows;
  }

  /** Fresh leads captured in the window (never recycled by asOf) and how far they came. */
  public Reconversion fresh(ReportWindow window) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FRESH)) {
      bind(select, window, 3);
      select.setTimestamp(7, Timestamp.from(window.asOf()));
      select.setTimestamp(8, Timestamp.from(window.asOf()));
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return reconversion(rows.getLong("leads"), rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read fresh leads", e);
    }
  }

  private Map<String, Map<String, Long>> reasons(ReportWindow window) {
    Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(REASONS)) {
      bind(select, window, 0);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          reasons
              .computeIfAbsent(rows.getString("kind"), k -> new LinkedHashMap<>())
              .put(rows.getString("reason"), rows.getLong(3));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read recycle reasons", e);
    }
    return reasons;
  }

  /** Binds {@code asOfs} times asOf, then from, to, asOf. */
  private static void bind(PreparedStatement select, ReportWindow window, int asOfs)
      throws SQLException {
    Timestamp asOf = Timestamp.from(window.asOf());
    int i = 1;
    for (; i <= asOfs; i++) {
      select.setTimestamp(i, asOf);
    }
    select.setTimestamp(i++, Timestamp.from(window.from()));
    select.setTimestamp(i++, Timestamp.from(window.to()));
    select.setTimestamp(i, asOf);
  }

  private static Reconversion reconversion(long leads, ResultSet rows) throws SQLException {
    return new Reconversion(
        leads,
        rate(rows.getLong("mql"), leads),
        rate(rows.getLong("tossed"), leads),
        rate(rows.getLong("won"), leads));
  }

  private static BigDecimal rate(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }
}
