package io.themodel.deal.stage;

import io.themodel.deal.opportunity.Opportunities;
import io.themodel.deal.opportunity.Opportunity;
import io.themodel.deal.opportunity.OpportunityResource.OpportunityResponse;
import io.themodel.events.Money;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.ExitCondition;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The rep moves a valid deal to stage E, 1, 2 or 3 with the exit conditions met so far; forwards
 * needs the exit conditions of each stage left, backwards needs none.
 */
@Path("/opportunities/{opportunityId}/stage")
public class StageResource {

  /** The stage to move to, the deal's amount and close date, and the exit conditions checked. */
  public record StageChangeRequest(
      @NotNull DealStage stage,
      @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY")
          String currency,
      @NotNull LocalDate expectedCloseDate,
      @Size(max = 5) Set<@NotNull ExitCondition> checks,
      @NotBlank @Size(max = 100) String changedBy) {}

  private final Opportunities opportunities;

  StageResource(Opportunities opportunities) {
    this.opportunities = opportunities;
  }

  @POST
  public OpportunityResponse changeStage(
      @PathParam("opportunityId") UUID opportunityId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid StageChangeRequest request) {
    return opportunities.executeAndShow(
        opportunityId,
        new Opportunity.ChangeStage(
            request.stage(),
            new Money(request.amount(), request.currency()),
            request.expectedCloseDate(),
            request.checks() == null ? Set.of() : request.checks(),
            request.changedBy()),
        EventMetadata.command(correlationId, request.changedBy()));
  }
}
