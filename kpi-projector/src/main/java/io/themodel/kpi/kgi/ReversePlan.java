package io.themodel.kpi.kgi;

import io.themodel.kpi.readmodel.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Working back from the revenue target (the book's reverse calculation): with the rates measured
 * over the twelve months before the period (average deal size, win rate, valid rate of toss-ups,
 * toss-ups per contacted lead, contacted leads per MQL), how many wins, valid opportunities,
 * toss-ups, contacts and MQLs the period needs to meet its target, what each department has done in
 * it so far, and the gap. A step whose rate cannot be measured (no history) is null, and so is
 * everything above it.
 */
@ApplicationScoped
public class ReversePlan {

  /** One step of the plan: needed for the target, actual in the period, what is still missing. */
  public record Step(
      String step, String department, Long needed, long actual, Long gap, BigDecimal rateUsed) {}

  /** The plan of a period. */
  public record Plan(
      String period,
      Instant asOf,
      Instant measuredFrom,
      Instant measuredTo,
      String currency,
      BigDecimal target,
      BigDecimal averageDealSize,
      BigDecimal medianDaysMqlToWon,
      List<Step> steps) {}

  private static final String COUNTS =
      """
      select
        (select count(*) from fact where type = 'DealWon'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as won,
        (select count(*) from fact where type = 'DealLost'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as lost,
        (select count(*) from fact where type = 'TossUpAccepted'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as valid,
        (select count(*) from fact where type = 'TossedUp'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as tossed,
        (select count(distinct lead_id) from is_call where contacted
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as contacted,
        (select count(*) from fact where type = 'MarketingQualified'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as mqls
      """;

  private static final String DEAL_SIZE =
      "select avg(amount) from fact where type = 'DealWon' and currency = ?"
          + " and occurred_at >= ? and occurred_at < ? and occurred_at <= ?";

  private static final String LEAD_TIME =
      """
      select percentile_cont(0.5) within group (order by extract(epoch from w.occurred_at - m.at))
      from fact w
      join lateral (select min(occurred_at) as at from fact
                    where lead_id = w.lead_id and type = 'MarketingQualified'
                      and occurred_at <= w.occurred_at) m on m.at is not null
      where w.type = 'DealWon' and w.occurred_at >= ? and w.occurred_at < ? and w.occurred_at <= ?
      """;

  private final ReadModel readModel;
  private final Kgi kgi;

  ReversePlan(ReadModel readModel, Kgi kgi) {
    this.readModel = readModel;
    this.kgi = kgi;
  }

  public Plan of(Period period, Instant asOf) {
    Kgi.Figures figures = kgi.of(period, asOf);
    Instant measuredTo = period.start().isBefore(asOf) ? period.start() : asOf;
    Instant measuredFrom =
        period
            .firstMonth()
            .minusMonths(12)
            .atDay(1)
            .atStartOfDay()
            .toInstant(java.time.ZoneOffset.UTC);
    long[] history = counts(measuredFrom, measuredTo, asOf);
    long[] actual = counts(period.start(), period.end(), asOf);
    BigDecimal dealSize =
        figures.currency() == null
            ? null
            : readModel.one(
                DEAL_SIZE,
                row -> row.getBigDecimal(1),
                figures.currency(),
                measuredFrom,
                measuredTo,
                asOf);
    BigDecimal leadTimeSeconds =
        readModel.one(LEAD_TIME, row -> row.getBigDecimal(1), measuredFrom, measuredTo, asOf);

    List<Step> steps = new ArrayList<>();
    Long won =
        figures.target() == null || dealSize == null || dealSize.signum() == 0
            ? null
            : figures.target().divide(dealSize, 0, RoundingMode.CEILING).longValueExact();
    steps.add(step("WON", "FIELD_SALES", won, actual[0], dealSize));
    BigDecimal winRate = ReadModel.rate(history[0], history[0] + history[1]);
    Long valid = back(won, winRate);
    steps.add(step("VALID_OPPORTUNITIES", "FIELD_SALES", valid, actual[2], winRate));
    BigDecimal validRate = ReadModel.rate(history[2], history[3]);
    Long tossUps = back(valid, validRate);
    steps.add(step("TOSS_UPS", "INSIDE_SALES", tossUps, actual[3], validRate));
    BigDecimal tossUpRate = ReadModel.rate(history[3], history[4]);
    Long contacts = back(tossUps, tossUpRate);
    steps.add(step("CONTACTED_LEADS", "INSIDE_SALES", contacts, actual[4], tossUpRate));
    BigDecimal contactRate = ReadModel.rate(history[4], history[5]);
    Long mqls = back(contacts, contactRate);
    steps.add(step("MQLS", "MARKETING", mqls, actual[5], contactRate));
    return new Plan(
        period.name(),
        asOf,
        measuredFrom,
        measuredTo,
        figures.currency(),
        figures.target(),
        dealSize == null ? null : dealSize.setScale(2, RoundingMode.HALF_UP),
        leadTimeSeconds == null
            ? null
            : leadTimeSeconds.divide(
                BigDecimal.valueOf(Duration.ofDays(1).toSeconds()), 1, RoundingMode.HALF_UP),
        steps);
  }

  /** What the step below needs, worked back through the rate that converts this step into it. */
  private static Long back(Long needed, BigDecimal rate) {
    if (needed == null || rate == null || rate.signum() == 0) {
      return null;
    }
    return BigDecimal.valueOf(needed).divide(rate, 0, RoundingMode.CEILING).longValueExact();
  }

  private static Step step(
      String name, String department, Long needed, long actual, BigDecimal rateUsed) {
    return new Step(
        name,
        department,
        needed,
        actual,
        needed == null ? null : Math.max(0, needed - actual),
        rateUsed);
  }

  private long[] counts(Instant from, Instant to, Instant asOf) {
    return readModel.one(
        COUNTS,
        row ->
            new long[] {
              row.getLong("won"),
              row.getLong("lost"),
              row.getLong("valid"),
              row.getLong("tossed"),
              row.getLong("contacted"),
              row.getLong("mqls")
            },
        ReadModel.repeat(6, from, to, asOf));
  }
}
