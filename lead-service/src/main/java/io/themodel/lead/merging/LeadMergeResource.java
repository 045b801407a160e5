package io.themodel.lead.merging;

import io.themodel.lead.capture.LeadResponse;
import io.themodel.lead.lifecycle.LeadView;
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

/** A person merges another lead (the same person, entered twice) into this one, the survivor. */
@Path("/leads/{leadId}/merger")
public class LeadMergeResource {

  /** The lead to absorb, who merges and why. */
  public record MergeLeadRequest(
      @NotNull UUID absorbedLeadId,
      @NotBlank @Size(max = 200) String by,
      @Size(max = 500) String note) {}

  private final LeadMerger merger;

  LeadMergeResource(LeadMerger merger) {
    this.merger = merger;
  }

  /** Answers the survivor as it stands after the merge. */
  @POST
  public LeadResponse merge(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid MergeLeadRequest request) {
    String by = request.by().trim();
    String note = request.note() == null || request.note().isBlank() ? null : request.note();
    merger.merge(
        leadId, request.absorbedLeadId(), by, note, EventMetadata.command(correlationId, by));
    return LeadResponse.of(LeadView.findById(leadId));
  }
}
