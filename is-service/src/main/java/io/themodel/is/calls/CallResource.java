package io.themodel.is.calls;

import io.themodel.events.is.CallOutcome;
import io.themodel.is.calllist.CallListResource;
import io.themodel.is.calllist.Prospect;
import io.themodel.is.calllist.Prospects;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Inside Sales logs its calls to a prospect (架電); each call may move the prospect's stage. */
@Path("/call-list/{leadId}/calls")
public class CallResource {

  /** What a call reached; the current environment only when the person in charge told it. */
  public record LogCallRequest(
      @NotNull CallOutcome outcome,
      @NotBlank @Size(max = 100) String rep,
      @Size(max = 4000) String currentEnvironment,
      @Size(max = 4000) String note) {}

  /** One call in the prospect's history. */
  public record Call(
      UUID leadId,
      CallOutcome outcome,
      String rep,
      String currentEnvironment,
      String note,
      Instant calledAt) {

    static Call of(CallRecord call) {
      return new Call(
          call.leadId, call.outcome, call.rep, call.currentEnvironment, call.note, call.calledAt);
    }
  }

  private final Prospects prospects;

  CallResource(Prospects prospects) {
    this.prospects = prospects;
  }

  /** Logs the call: 201 with the prospect as it stands after it (stage, calls, last outcome). */
  @POST
  public Response log(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid LogCallRequest request) {
    prospects.execute(
        leadId,
        new Prospect.LogCall(
            request.outcome(), request.rep(), request.currentEnvironment(), request.note()),
        EventMetadata.command(correlationId, request.rep()));
    return Response.created(URI.create("/call-list/" + leadId + "/calls"))
        .entity(CallListResource.Entry.of(CallListResource.find(leadId)))
        .build();
  }

  /** The prospect's calls, oldest first. */
  @GET
  public List<Call> history(@PathParam("leadId") UUID leadId) {
    CallListResource.find(leadId);
    return CallRecord.<CallRecord>list("leadId = ?1 order by calledAt", leadId).stream()
        .map(Call::of)
        .toList();
  }
}
