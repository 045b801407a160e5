package io.themodel.deal.tossup;

import io.themodel.deal.opportunity.Opportunities;
import io.themodel.deal.opportunity.Opportunity;
import io.themodel.deal.opportunity.OpportunityResource.OpportunityResponse;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/**
 * The assigned rep answers a toss-up: accepted, it becomes a valid opportunity (有効商談); rejected, it
 * goes back to Inside Sales with the reason and the gap between the visit and the handoff.
 */
@Path("/opportunities/{opportunityId}")
public class AcceptanceResource {

  /** Who accepted. */
  public record AcceptRequest(@NotBlank @Size(max = 100) String acceptedBy) {}

  /** Why the toss-up is refused: a configured reason, and what differed from the handoff. */
  public record RejectRequest(
      @NotBlank @Size(max = 100) String reason,
      @Size(min = 1, max = 4000) String handoffGap,
      @NotBlank @Size(max = 100) String rejectedBy) {}

  private final Opportunities opportunities;

  AcceptanceResource(Opportunities opportunities) {
    this.opportunities = opportunities;
  }

  @POST
  @Path("/acceptance")
  public OpportunityResponse accept(
      @PathParam("opportunityId") UUID opportunityId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid AcceptRequest request) {
    return opportunities.executeAndShow(
        opportunityId,
        new Opportunity.Accept(request.acceptedBy()),
        EventMetadata.command(correlationId, request.acceptedBy()));
  }

  @POST
  @Path("/rejection")
  public OpportunityResponse reject(
      @PathParam("opportunityId") UUID opportunityId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid RejectRequest request) {
    return opportunities.executeAndShow(
        opportunityId,
        new Opportunity.Reject(request.reason(), request.handoffGap(), request.rejectedBy()),
        EventMetadata.command(correlationId, request.rejectedBy()));
  }
}
