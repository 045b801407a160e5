package io.themodel.deal.closing;

import io.themodel.deal.opportunity.Opportunities;
import io.themodel.deal.opportunity.Opportunity;
import io.themodel.deal.opportunity.OpportunityResource.OpportunityResponse;
import io.themodel.events.Money;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.UUID;

/**
 * A valid opportunity is closed: won (受注) with the contract's value, start and term, or lost (失注)
 * with a configured reason, the competitor and a note, which Marketing turns into Recycle B.
 */
@Path("/opportunities/{opportunityId}")
public class ClosingResource {

  /** The contract as signed. */
  public record WinRequest(
      @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as JPY")
          String currency,
      @NotNull LocalDate contractStart,
      @Min(1) @Max(120) int termMonths) {}

  /** Why the deal was lost. */
  public record LoseRequest(
      @NotBlank @Size(max = 100) String reason,
      @Size(min = 1, max = 200) String competitor,
      @Size(min = 1, max = 4000) String note) {}

  private final Opportunities opportunities;

  ClosingResource(Opportunities opportunities) {
    this.opportunities = opportunities;
  }

  @POST
  @Path("/won")
  public OpportunityResponse win(
      @PathParam("opportunityId") UUID opportunityId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid WinRequest request) {
    return opportunities.executeAndShow(
        opportunityId,
        new Opportunity.Win(
            new Money(request.amount(), request.currency()),
            request.contractStart(),
            request.termMonths()),
        EventMetadata.command(correlationId, "field-sales"));
  }

  @POST
  @Path("/lost")
  public OpportunityResponse lose(
      @PathParam("opportunityId") UUID opportunityId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid LoseRequest request) {
    return opportunities.executeAndShow(
        opportunityId,
        new Opportunity.Lose(request.reason(), request.competitor(), request.note()),
        EventMetadata.command(correlationId, "field-sales"));
  }
}
