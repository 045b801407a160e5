package io.themodel.lead.scoring;

import io.themodel.lead.capture.LeadResponse;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.lead.lifecycle.Leads;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/**
 * Behaviour Marketing's tools report for a lead (seminar attended, download, inquiry, page views,
 * email clicks): scored by the configured weights; crossing the hand-off band makes it an MQL.
 */
@Path("/leads/{leadId}/activities")
public class ActivityResource {

  /** One kind of activity, {@code count} times (1 if absent). */
  public record ActivityRequest(@NotNull ActivityType type, @Min(1) @Max(1000) Integer count) {}

  private final Leads leads;

  ActivityResource(Leads leads) {
    this.leads = leads;
  }

  @POST
  public LeadResponse record(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid ActivityRequest request) {
    leads.execute(
        leadId,
        new LeadLifecycle.RecordActivity(
            request.type(), request.count() == null ? 1 : request.count()),
        EventMetadata.command(correlationId, "marketing"));
    return LeadResponse.of(LeadView.findById(leadId));
  }
}
