package io.themodel.is.qualification;

import io.themodel.is.calllist.CallListResource;
import io.themodel.is.calllist.Prospect;
import io.themodel.is.calllist.Prospects;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/**
 * Inside Sales records a prospect's BANT; the need moves it to stage E and the configured condition
 * qualifies it.
 */
@Path("/call-list/{leadId}/bant")
public class BantResource {

  /** The whole BANT as it stands now: every item is stated, true or false. */
  public record BantRequest(
      @NotNull Boolean budget,
      @NotNull Boolean authority,
      @NotNull Boolean need,
      @NotNull Boolean timeline,
      @Size(max = 4000) String note,
      @NotBlank @Size(max = 100) String rep) {}

  private final Prospects prospects;

  BantResource(Prospects prospects) {
    this.prospects = prospects;
  }

  /** Records the BANT (nothing happens when it is unchanged) and answers the prospect. */
  @PUT
  public CallListResource.Entry record(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid BantRequest request) {
    prospects.execute(
        leadId,
        new Prospect.UpdateBant(
            new Bant(request.budget(), request.authority(), request.need(), request.timeline()),
            request.note(),
            request.rep()),
        EventMetadata.command(correlationId, request.rep()));
    return CallListResource.Entry.of(CallListResource.find(leadId));
  }
}
