package io.themodel.is.recycle;

import io.themodel.is.calllist.CallListResource;
import io.themodel.is.calllist.Prospect;
import io.themodel.is.calllist.Prospects;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * Recycle A (リサイクルA): Inside Sales talked to the lead and it is not an opportunity now. It leaves
 * the call list and Marketing takes it back to nurturing; a later MQL brings it back.
 */
@Path("/call-list/{leadId}/disqualification")
public class DisqualificationResource {

  /** Why the lead is not an opportunity now, and who decided. */
  public record DisqualificationRequest(
      @NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 100) String rep) {}

  private final Prospects prospects;

  DisqualificationResource(Prospects prospects) {
    this.prospects = prospects;
  }

  @POST
  public Response disqualify(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid DisqualificationRequest request) {
    prospects.execute(
        leadId,
        new Prospect.Disqualify(request.reason(), request.rep()),
        EventMetadata.command(correlationId, request.rep()));
    return Response.created(URI.create("/call-list/" + leadId))
        .entity(CallListResource.Entry.of(CallListResource.find(leadId)))
        .build();
  }
}
