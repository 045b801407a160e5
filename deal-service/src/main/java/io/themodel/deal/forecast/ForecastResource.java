package io.themodel.deal.forecast;

import io.quarkus.panache.common.Parameters;
import io.themodel.deal.opportunity.DealConfig;
import io.themodel.deal.opportunity.Opportunity;
import io.themodel.deal.opportunity.OpportunityView;
import io.themodel.events.Money;
import io.themodel.platform.problem.InvalidParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Revenue against the KGI for a period: actual (deals won in the period), the open pipeline
 * expected to close in it weighted by stage probability, the forecast, the target and the gap.
 */
@Path("/forecast")
public class ForecastResource {

  private final DealConfig config;

  ForecastResource(DealConfig config) {
    this.config = config;
  }

  /**
   * The forecast of a period for all of Field Sales, one team ({@code team}, its reps from {@code
   * themodel.deal.teams}) or one rep ({@code rep}). It is in the target's currency (or {@code
   * themodel.deal.forecast.currency} without a target); deals in other currencies are left out.
   */
  @GET
  public Forecast forecast(
      @QueryParam("period") String periodName,
      @QueryParam("team") String team,
      @QueryParam("rep") String rep) {
    Period period;
    try {
      period = Period.parse(periodName);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("period", e.getMessage());
    }
    if (team != null && rep != null) {
      throw new InvalidParameter("team", "give a team or a rep, not both");
    }
    List<String> reps = rep == null ? null : List.of(rep);
    if (team != null) {
      DealConfig.Team members = config.teams().get(team);
      if (members == null) {
        throw new InvalidParameter("team", "is not a team in themodel.deal.teams");
      }
      reps = members.reps();
    }
    TargetView target = TargetView.findById(Target.streamId(period.name(), team, rep));
    String currency = target == null ? config.forecast().currency() : target.currency;
    ZoneId zone = config.forecast().zone();
    Instant from = period.start().atStartOfDay(zone).toInstant();
    Instant to = period.end().atStartOfDay(zone).toInstant();
    String byRep = reps == null ? "" : " and assignedRep in :reps";

    List<OpportunityView> won =
        OpportunityView.<OpportunityView>find(
                "status = :status and currency = :currency and wonAt >= :from and wonAt < :to"
                    + byRep,
                parameters(reps)
                    .and("status", Opportunity.Status.WON)
                    .and("currency", currency)
                    .and("from", from)
                    .and("to", to))
            .list();
    List<OpportunityView> open =
        OpportunityView.<OpportunityView>find(
                "status = :status and stage is not null and currency = :currency"
                    + " and expectedCloseDate >= :from and expectedCloseDate < :to"
                    + byRep,
                parameters(reps)
                    .and("status", Opportunity.Status.VALID)
                    .and("currency", currency)
                    .and("from", period.start())
                    .and("to", period.end()))
            .list();
    return Forecast.of(
        period.name(),
        currency,
        won.stream().map(v -> new Money(v.amount, v.currency)).toList(),
        open.stream()
            .map(v -> new Forecast.OpenDeal(new Money(v.amount, v.currency), v.probability))
            .toList(),
        target == null ? null : new Money(target.amount, target.currency));
  }

  private static Parameters parameters(List<String> reps) {
    Parameters parameters = new Parameters();
    return reps == null ? parameters : parameters.and("reps", reps);
  }
}
