package io.themodel.lead.exclusion;

import io.themodel.events.lead.ExclusionReason;
import io.themodel.lead.capture.LeadResponse;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.lead.lifecycle.Leads;
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

/** A person splits a lead off the marketing targets after capture, or takes it back. */
@Path("/leads/{leadId}")
public class ExclusionResource {

  /** Why the lead is not a target. */
  public record ExcludeRequest(@NotNull ExclusionReason reason, @Size(max = 500) String detail) {}

  /** Who takes the lead back, and why. */
  public record ReincludeRequest(
      @NotBlank @Size(max = 200) String by, @Size(max = 500) String note) {}

  private final Leads leads;

  ExclusionResource(Leads leads) {
    this.leads = leads;
  }

  @POST
  @Path("/exclusion")
  public LeadResponse exclude(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ExcludeRequest request) {
    String detail =
        request.detail() == null || request.detail().isBlank() ? null : request.detail();
    leads.execute(
        leadId,
        new LeadLifecycle.Exclude(new Exclusion(request.reason(), detail)),
        EventMetadata.command(correlationId, "marketing"));
    return LeadResponse.of(LeadView.findById(leadId));
  }

  @POST
  @Path("/reinclusion")
  public LeadResponse reinclude(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ReincludeRequest request) {
    String note = request.note() == null || request.note().isBlank() ? null : request.note();
    leads.execute(
        leadId,
        new LeadLifecycle.Reinclude(request.by().trim(), note),
        EventMetadata.command(correlationId, request.by().trim()));
    return LeadResponse.of(LeadView.findById(leadId));
  }
}
