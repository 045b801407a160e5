package io.themodel.kpi.funnel;

import io.themodel.kpi.readmodel.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Stock and flow of every place a journey can be (the funnel's stages, and EXITED for journeys that
 * left it), over the stays of the {@code stage_change} view known as of {@code asOf}: at the start
 * of the period, in, out, at its end. A stay counts at an instant {@code t} when it began before
 * {@code t} and had not ended by it, so {@code atEnd = atStart + in − out} for every place.
 */
@ApplicationScoped
public class StageBalances {

  /** One place's balance over the period. */
  public record Balance(String state, long atStart, long in, long out, long atEnd) {}

  private static final String BALANCES =
      """
      with stay as (
          select state, entered_at,
                 lead(entered_at) over (partition by lead_id order by entered_at, event_id) as left_at
          from stage_change
          where entered_at <= ?)
      select st.state,
             count(s.state) filter (where s.entered_at < ? and (s.left_at is null or s.left_at >= ?))
                 as at_start,
             count(s.state) filter (where s.entered_at >= ? and s.entered_at < ?) as entered,
             count(s.state) filter (where s.left_at >= ? and s.left_at < ?) as exited,
             count(s.state) filter (where s.entered_at < ? and (s.left_at is null or s.left_at >= ?))
                 as at_end
      from (select stage as state, position from funnel_stage
            union all select 'EXITED', 1000) st
      left join stay s on s.state = st.state
      group by st.state, st.position
      order by st.position
      """;

  private final ReadModel readModel;

  public StageBalances(ReadModel readModel) {
    this.readModel = readModel;
  }

  public List<Balance> balances(ReportWindow w) {
    return readModel.list(
        BALANCES,
        row ->
            new Balance(
                row.getString("state"),
                row.getLong("at_start"),
                row.getLong("entered"),
                row.getLong("exited"),
                row.getLong("at_end")),
        w.asOf(),
        w.from(),
        w.from(),
        w.from(),
        w.to(),
        w.from(),
        w.to(),
        w.to(),
        w.to());
  }
}
