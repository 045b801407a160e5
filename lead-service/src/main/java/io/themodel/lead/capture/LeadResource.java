package io.themodel.lead.capture;

import io.themodel.events.lead.Person;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.store.EventMetadata;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * Capture of leads from every source: a retried POST with the same key is the same lead, a known
 * email is a new touch on the existing lead (200), a new lead is 201.
 */
@Path("/leads")
public class LeadResource {

  private final LeadIntake intake;

  LeadResource(LeadIntake intake) {
    this.intake = intake;
  }

  /**
   * One transaction for the intake and the answer: the answer's view is the one the intake just
   * wrote, without reading it back.
   */
  @POST
  @Transactional
  public Response capture(
      @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid CaptureLeadRequest request) {
    var person = request.person();
    LeadIntake.Result result =
        intake.take(
            new LeadIntake.Incoming(
                request.source(),
                request.campaign(),
                new Person(person.name(), person.email(), person.phone(), person.title()),
                request.companyName(),
                request.consent(),
                idempotencyKey,
                request.company() == null
                    ? null
                    : new LeadLifecycle.CompanyProfile(
                        request.company().employees(), request.company().industry())),
            EventMetadata.command(correlationId, "marketing"));
    LeadResponse body = LeadResponse.of(LeadView.findById(result.leadId()));
    if (result.outcome() == LeadIntake.Outcome.CAPTURED) {
      return Response.created(URI.create("/leads/" + result.leadId())).entity(body).build();
    }
    return Response.ok(body).build();
  }

  @GET
  @Path("/{leadId}")
  public LeadResponse get(@PathParam("leadId") UUID leadId) {
    LeadView view = LeadView.findById(leadId);
    if (view == null) {
      throw CommandRejected.notFound("no lead " + leadId);
    }
    return LeadResponse.of(view);
  }
}
