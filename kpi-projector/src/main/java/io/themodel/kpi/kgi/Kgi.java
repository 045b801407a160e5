package io.themodel.kpi.kgi;

import io.themodel.kpi.readmodel.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The revenue KGI of a period as of an instant: the target Field Sales set for it, revenue won in
 * it, the open pipeline expected to close in it weighted by probability, the forecast (actual +
 * weighted pipeline) and the gaps. Amounts are in the target's currency (deals in other currencies
 * are left out and say so in {@code otherCurrencies}).
 */
@ApplicationScoped
public class Kgi {

  /** The KGI of one period. */
  public record Figures(
      String period,
      Instant from,
      Instant to,
      String currency,
      BigDecimal target,
      BigDecimal actual,
      BigDecimal weightedPipeline,
      BigDecimal forecast,
      BigDecimal gap,
      BigDecimal forecastGap,
      BigDecimal attainment,
      List<String> otherCurrencies) {}

  private static final String TARGET =
      """
      select amount, currency from revenue_target
      where period = ? and set_at <= ?
      order by set_at desc, event_id desc
      limit 1
      """;

  private static final String WON =
      """
      select currency, sum(amount) as amount from fact
      where type = 'DealWon' and occurred_at >= ? and occurred_at < ? and occurred_at <= ?
      group by currency
      order by sum(amount) desc, currency
      """;

  /** Each open valid opportunity's latest stage as of asOf, if expected to close in the period. */
  private static final String PIPELINE =
      """
      select v.currency, sum(v.amount * v.probability / 100.0) as weighted
      from deal_outcome d
      join lateral (select s.amount, s.currency, (s.data ->> 'probability')::int as probability,
                           (s.data ->> 'expectedCloseDate')::date as close_date
                    from fact s
                    where s.type = 'DealStageChanged' and s.data ->> 'opportunityId' = d.opportunity_id
                      and s.occurred_at <= ?
                    order by s.occurred_at desc, s.event_id desc limit 1) v on true
      where d.accepted_at <= ? and (d.closed_at is null or d.closed_at > ?)
        and v.close_date >= ? and v.close_date < ? and v.amount is not null
      group by v.currency
      """;

  private final ReadModel readModel;

  Kgi(ReadModel readModel) {
    this.readModel = readModel;
  }

  public Figures of(Period period, Instant asOf) {
    List<Object[]> target =
        readModel.list(
            TARGET,
            row -> new Object[] {row.getBigDecimal("amount"), row.getString("currency")},
            period.name(),
            asOf);
    List<Object[]> won =
        readModel.list(
            WON,
            row -> new Object[] {row.getString("currency"), row.getBigDecimal("amount")},
            period.start(),
            period.end(),
            asOf);
    String currency =
        !target.isEmpty()
            ? (String) target.get(0)[1]
            : won.isEmpty() ? null : (String) won.get(0)[0];
    BigDecimal targetAmount = target.isEmpty() ? null : (BigDecimal) target.get(0)[0];
    BigDecimal actual = BigDecimal.ZERO;
    List<String> others = new java.util.ArrayList<>();
    for (Object[] row : won) {
      if (row[0].equals(currency)) {
        actual = actual.add((BigDecimal) row[1]);
      } else {
        others.add((String) row[0]);
      }
    }
    BigDecimal weighted = BigDecimal.ZERO;
    for (Object[] row :
        readModel.list(
            PIPELINE,
            r -> new Object[] {r.getString("currency"), r.getBigDecimal("weighted")},
            asOf,
            asOf,
            asOf,
            java.sql.Date.valueOf(period.firstMonth().atDay(1)),
            java.sql.Date.valueOf(period.firstMonth().plusMonths(period.months()).atDay(1)))) {
      if (row[0].equals(currency)) {
        weighted = weighted.add((BigDecimal) row[1]);
      } else if (!others.contains((String) row[0])) {
        others.add((String) row[0]);
      }
    }
    weighted = weighted.setScale(2, RoundingMode.HALF_UP);
    BigDecimal forecast = actual.add(weighted);
    return new Figures(
        period.name(),
        period.start(),
        period.end(),
        currency,
        targetAmount,
        actual,
        weighted,
        forecast,
        targetAmount == null ? null : targetAmount.subtract(actual),
        targetAmount == null ? null : targetAmount.subtract(forecast),
        targetAmount == null || targetAmount.signum() == 0
            ? null
            : actual.divide(targetAmount, 4, RoundingMode.HALF_UP),
        others);
  }
}
