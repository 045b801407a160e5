package io.themodel.kpi.department;

import static io.themodel.kpi.readmodel.ReadModel.rate;

import io.themodel.kpi.funnel.ReportWindow;
import io.themodel.kpi.readmodel.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each department's KPIs from the read model's views, for the facts that happened in a window and
 * were known as of {@code asOf}. Rates are to four places and null when their base is zero; money
 * is summed per currency.
 */
@ApplicationScoped
public class DepartmentKpis {

  /** Marketing: leads captured in the window (excluded leads apart) and how far they got. */
  public record Marketing(
      long leads,
      long excluded,
      long nurtured,
      long mqls,
      BigDecimal mqlRate,
      long won,
      Map<String, SourceFigures> bySource) {}

  /** One lead source's leads captured in the window, MQLs and wins among them. */
  public record SourceFigures(long leads, long mqls, BigDecimal mqlRate, long won) {}

  /** Inside Sales' activity funnel: each step and the rate from the step before. */
  public record InsideSales(
      long calls,
      long connects,
      long contacts,
      long contactedLeads,
      long nurturing,
      long opportunities,
      long validOpportunities,
      long rejected,
      long disqualified,
      BigDecimal connectRate,
      BigDecimal contactRate,
      BigDecimal opportunityRate,
      BigDecimal validRate,
      Map<String, RepActivity> byRep) {}

  /** One IS rep's calls, connects and contacts. */
  public record RepActivity(long calls, long connects, long contacts) {}

  /** Field Sales: valid opportunities, outcomes, win rate, cycle time, revenue and pipeline. */
  public record FieldSales(
      long validOpportunities,
      long won,
      long lost,
      BigDecimal winRate,
      BigDecimal medianCycleDays,
      Map<String, BigDecimal> wonRevenue,
      long openPipeline,
      Map<String, BigDecimal> pipelineValue,
      Map<String, Long> lossReasons,
      Map<String, RepOutcomes> byRep) {}

  /** One Field Sales rep's closed deals in the window. */
  public record RepOutcomes(long won, long lost, BigDecimal winRate) {}

  /** Customer Success: retention, churn, health, expansion and advocacy. */
  public record CustomerSuccess(
      long onboarded,
      long activeCustomers,
      long renewed,
      long churned,
      BigDecimal retentionRate,
      BigDecimal churnRate,
      Map<String, BigDecimal> renewedValue,
      long expansions,
      Map<String, BigDecimal> expansionValue,
      long expansionsWon,
      Map<String, BigDecimal> expansionWonValue,
      long advocates,
      long referrals,
      Map<String, Long> healthBands) {}

  private static final String MARKETING_BY_SOURCE =
      """
      select coalesce(j.source, 'UNKNOWN') as source, count(*) as leads,
             count(*) filter (where exists (select 1 from funnel_reached r where r.lead_id = j.lead_id
                 and r.stage = 'MQL' and r.first_reached_at <= ?)) as mqls,
             count(*) filter (where exists (select 1 from funnel_reached r where r.lead_id = j.lead_id
                 and r.stage = 'NURTURING' and r.first_reached_at <= ?)) as nurtured,
             count(*) filter (where exists (select 1 from funnel_reached r where r.lead_id = j.lead_id
                 and r.stage = 'WON' and r.first_reached_at <= ?)) as won
      from journey j
      where j.captured_at >= ? and j.captured_at < ? and j.captured_at <= ?
        and not exists (select 1 from excluded_leads(?) x where x.lead_id = j.lead_id)
      group by 1
      order by 1
      """;

  private static final String MARKETING_EXCLUDED =
      """
      select count(*) from journey j
      where j.captured_at >= ? and j.captured_at < ? and j.captured_at <= ?
        and excluded_as_of(j.lead_id, ?) and not merged_as_of(j.lead_id, ?)
      """;

  private static final String IS_CALLS =
      """
      select coalesce(rep, 'unknown') as rep, count(*) as calls,
             count(*) filter (where connected) as connects,
             count(*) filter (where contacted) as contacts
      from is_call
      where occurred_at >= ? and occurred_at < ? and occurred_at <= ?
      group by 1
      order by 1
      """;

  private static final String IS_STEPS =
      """
      select
        (select count(distinct lead_id) from is_call where contacted
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as contacted_leads,
        (select count(*) from recycle_flow where kind = 'A'
            and recycled_at >= ? and recycled_at < ? and recycled_at <= ?) as nurturing,
        (select count(*) from fact where type = 'TossedUp'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as opportunities,
        (select count(*) from fact where type = 'TossUpAccepted'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as valid,
        (select count(*) from fact where type = 'TossUpRejected'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as rejected,
        (select count(*) from fact where type = 'Disqualified'
            and occurred_at >= ? and occurred_at < ? and occurred_at <= ?) as disqualified
      """;

  private static final String FS_CLOSED =
      """
      select coalesce(rep, 'unassigned') as rep, outcome, coalesce(reason, 'unspecified') as reason,
             currency, count(*) as deals, sum(amount) as amount
      from deal_outcome
      where closed_at >= ? and closed_at < ? and closed_at <= ?
      group by 1, 2, 3, 4
      """;

  private static final String FS_MEDIAN_CYCLE =
      """
      select percentile_cont(0.5) within group (order by extract(epoch from closed_at - accepted_at))
      from deal_outcome
      where outcome = 'DealWon' and closed_at >= ? and closed_at < ? and closed_at <= ?
      """;

  private static final String FS_ACCEPTED =
      """
      select count(*) from deal_outcome
      where accepted_at >= ? and accepted_at < ? and accepted_at <= ?
      """;

  /** Open valid opportunities as of asOf, valued at their latest stage change's amount. */
  private static final String FS_PIPELINE =
      """
      select d.opportunity_id, v.amount, v.currency
      from deal_outcome d
      left join lateral (select s.amount, s.currency from fact s
          where s.type = 'DealStageChanged' and s.data ->> 'opportunityId' = d.opportunity_id
            and s.occurred_at <= ?
          order by s.occurred_at desc, s.event_id desc limit 1) v on true
      where d.accepted_at <= ? and (d.closed_at is null or d.closed_at > ?)
      """;

  private static final String CS_EVENTS =
      """
      select type, currency, count(*) as events, count(distinct account_id) as accounts,
             sum(amount) as amount
      from account_event
      where occurred_at >= ? and occurred_at < ? and occurred_at <= ?
      group by 1, 2
      """;

  private static final String CS_ACTIVE =
      """
      select count(distinct o.account_id) from account_event o
      where o.type = 'CustomerOnboarded' and o.occurred_at <= ?
        and not exists (select 1 from account_event c where c.account_id = o.account_id
            and c.type = 'Churned' and c.occurred_at <= ?)
      """;

  private static final String CS_HEALTH =
      """
      select h.health_band, count(*)
      from (select distinct on (account_id) account_id, health_band
            from account_event
            where type = 'HealthScored' and occurred_at <= ?
            order by account_id, occurred_at desc) h
      where not exists (select 1 from account_event c where c.account_id = h.account_id
          and c.type = 'Churned' and c.occurred_at <= ?)
      group by 1
      order by 1
      """;

  private final ReadModel readModel;

  DepartmentKpis(ReadModel readModel) {
    this.readModel = readModel;
  }

  public Marketing marketing(ReportWindow w) {
    Map<String, SourceFigures> bySource = new LinkedHashMap<>();
    long[] totals = new long[4];
    readModel.list(
        MARKETING_BY_SOURCE,
        row -> {
          long leads = row.getLong("leads");
          long mqls = row.getLong("mqls");
          long won = row.getLong("won");
          totals[0] += leads;
          totals[1] += mqls;
          totals[2] += row.getLong("nurtured");
          totals[3] += won;
          return bySource.put(
              row.getString("source"), new SourceFigures(leads, mqls, rate(mqls, leads), won));
        },
        w.asOf(),
        w.asOf(),
        w.asOf(),
        w.from(),
        w.to(),
        w.asOf(),
        w.asOf());
    long excluded =
        readModel.one(
            MARKETING_EXCLUDED,
            row -> row.getLong(1),
            w.from(),
            w.to(),
            w.asOf(),
            w.asOf(),
            w.asOf());
    return new Marketing(
        totals[0], excluded, totals[2], totals[1], rate(totals[1], totals[0]), totals[3], bySource);
  }

  public InsideSales insideSales(ReportWindow w) {
    Map<String, RepActivity> byRep = new LinkedHashMap<>();
    long[] calls = new long[3];
    readModel.list(
        IS_CALLS,
        row -> {
          RepActivity rep =
              new RepActivity(
                  row.getLong("calls"), row.getLong("connects"), row.getLong("contacts"));
          calls[0] += rep.calls();
          calls[1] += rep.connects();
          calls[2] += rep.contacts();
          return byRep.put(row.getString("rep"), rep);
        },
        w.from(),
        w.to(),
        w.asOf());
    long[] steps =
        readModel.one(
            IS_STEPS,
            row ->
                new long[] {
                  row.getLong("contacted_leads"),
                  row.getLong("nurturing"),
                  row.getLong("opportunities"),
                  row.getLong("valid"),
                  row.getLong("rejected"),
                  row.getLong("disqualified")
                },
            ReadModel.repeat(6, w.from(), w.to(), w.asOf()));
    return new InsideSales(
        calls[0],
        calls[1],
        calls[2],
        steps[0],
        steps[1],
        steps[2],
        steps[3],
        steps[4],
        steps[5],
        rate(calls[1], calls[0]),
        rate(calls[2], calls[1]),
        rate(steps[2], steps[0]),
        rate(steps[3], steps[2]),
        byRep);
  }

  public FieldSales fieldSales(ReportWindow w) {
    Map<String, long[]> reps = new TreeMap<>();
    Map<String, BigDecimal> revenue = new TreeMap<>();
    Map<String, Long> lossReasons = new TreeMap<>();
    long[] outcomes = new long[2];
    readModel.list(
        FS_CLOSED,
        row -> {
          boolean won = "DealWon".equals(row.getString("outcome"));
          long deals = row.getLong("deals");
          long[] rep = reps.computeIfAbsent(row.getString("rep"), r -> new long[2]);
          rep[won ? 0 : 1] += deals;
          outcomes[won ? 0 : 1] += deals;
          if (won && row.getString("currency") != null) {
            revenue.merge(row.getString("currency"), row.getBigDecimal("amount"), BigDecimal::add);
          } else if (!won) {
            lossReasons.merge(row.getString("reason"), deals, Long::sum);
          }
          return null;
        },
        w.from(),
        w.to(),
        w.asOf());
    BigDecimal medianSeconds =
        readModel.one(FS_MEDIAN_CYCLE, row -> row.getBigDecimal(1), w.from(), w.to(), w.asOf());
    long accepted = readModel.one(FS_ACCEPTED, row -> row.getLong(1), w.from(), w.to(), w.asOf());
    Map<String, BigDecimal> pipelineValue = new TreeMap<>();
    List<String> open =
        readModel.list(
            FS_PIPELINE,
            row -> {
              if (row.getString("currency") != null) {
                pipelineValue.merge(
                    row.getString("currency"), row.getBigDecimal("amount"), BigDecimal::add);
              }
              return row.getString("opportunity_id");
            },
            w.asOf(),
            w.asOf(),
            w.asOf());
    Map<String, RepOutcomes> byRep = new LinkedHashMap<>();
    reps.forEach(
        (rep, counts) ->
            byRep.put(
                rep,
                new RepOutcomes(counts[0], counts[1], rate(counts[0], counts[0] + counts[1]))));
    return new FieldSales(
        accepted,
        outcomes[0],
        outcomes[1],
        rate(outcomes[0], outcomes[0] + outcomes[1]),
        days(medianSeconds),
        revenue,
        open.size(),
        pipelineValue,
        lossReasons,
        byRep);
  }

  public CustomerSuccess customerSuccess(ReportWindow w) {
    Map<String, Long> accounts = new TreeMap<>();
    Map<String, Long> events = new TreeMap<>();
    Map<String, BigDecimal> renewedValue = new TreeMap<>();
    Map<String, BigDecimal> expansionValue = new TreeMap<>();
    Map<String, BigDecimal> expansionWonValue = new TreeMap<>();
    readModel.list(
        CS_EVENTS,
        row -> {
          String type = row.getString("type");
          accounts.merge(type, row.getLong("accounts"), Long::sum);
          events.merge(type, row.getLong("events"), Long::sum);
          String currency = row.getString("currency");
          if (currency != null && "Renewed".equals(type)) {
            renewedValue.merge(currency, row.getBigDecimal("amount"), BigDecimal::add);
          } else if (currency != null && "ExpansionIdentified".equals(type)) {
            expansionValue.merge(currency, row.getBigDecimal("amount"), BigDecimal::add);
          } else if (currency != null && "ContractExpanded".equals(type)) {
            expansionWonValue.merge(currency, row.getBigDecimal("amount"), BigDecimal::add);
          }
          return null;
        },
        w.from(),
        w.to(),
        w.asOf());
    long active = readModel.one(CS_ACTIVE, row -> row.getLong(1), w.asOf(), w.asOf());
    Map<String, Long> bands = new LinkedHashMap<>();
    readModel.list(
        CS_HEALTH, row -> bands.put(row.getString(1), row.getLong(2)), w.asOf(), w.asOf());
    long renewed = accounts.getOrDefault("Renewed", 0L);
    long churned = accounts.getOrDefault("Churned", 0L);
    return new CustomerSuccess(
        accounts.getOrDefault("CustomerOnboarded", 0L),
        active,
        renewed,
        churned,
        rate(renewed, renewed + churned),
        rate(churned, renewed + churned),
        renewedValue,
        events.getOrDefault("ExpansionIdentified", 0L),
        expansionValue,
        events.getOrDefault("ContractExpanded", 0L),
        expansionWonValue,
        accounts.getOrDefault("AdvocateMarked", 0L),
        events.getOrDefault("ReferralMade", 0L),
        bands);
  }

  private static BigDecimal days(BigDecimal seconds) {
    return seconds == null
        ? null
        : seconds.divide(
            BigDecimal.valueOf(Duration.ofDays(1).toSeconds()), 2, java.math.RoundingMode.HALF_UP);
  }
}
