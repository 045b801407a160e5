package io.themodel.is.qualification;

import io.themodel.events.Money;
import io.themodel.is.calllist.CallListResource;
import io.themodel.is.calllist.Prospect;
import io.themodel.is.calllist.Prospects;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Inside Sales records what it learned of the lead's company, for the toss-up rules. */
@Path("/call-list/{leadId}/company-profile")
public class CompanyProfileResource {

  /** An amount in a currency. */
  public record Amount(
      @NotNull @DecimalMin("0") BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {}

  /** The whole profile as known now; a fact left out is unknown. */
  public record ProfileRequest(
      @Valid Amount annualRevenue,
      @Min(0) Integer employees,
      @Size(max = 100) String industry,
      LocalDate plannedStart,
      @NotBlank @Size(max = 100) String rep) {}

  private final Prospects prospects;

  CompanyProfileResource(Prospects prospects) {
    this.prospects = prospects;
  }

  @PUT
  public CallListResource.Entry record(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ProfileRequest request) {
    Money revenue =
        request.annualRevenue() == null
            ? null
            : new Money(request.annualRevenue().amount(), request.annualRevenue().currency());
    prospects.execute(
        leadId,
        new Prospect.ProfileCompany(
            new Prospect.CompanyProfile(
                revenue, request.employees(), request.industry(), request.plannedStart()),
            request.rep()),
        EventMetadata.command(correlationId, request.rep()));
    return CallListResource.Entry.of(CallListResource.find(leadId));
  }
}
