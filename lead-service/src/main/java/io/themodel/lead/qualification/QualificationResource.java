package io.themodel.lead.qualification;

import io.themodel.events.lead.ScoreBand;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.Leads;
import io.themodel.platform.store.EventMetadata;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** Marketing qualifies a lead as an MQL, which hands it to Inside Sales' call list. */
@Path("/leads/{leadId}/qualification")
public class QualificationResource {

  /** The band the lead qualified in. */
  public record QualifyRequest(@NotNull ScoreBand band) {}

  /** The lead's follow-up, as Inside Sales will receive it. */
  public record QualifiedResponse(UUID leadId, LeadLifecycle.Stage stage) {}

  private final Leads leads;

  QualificationResource(Leads leads) {
    this.leads = leads;
  }

  @POST
  public QualifiedResponse qualify(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid QualifyRequest request) {
    var decision =
        leads.execute(
            leadId,
            new LeadLifecycle.Qualify(request.band()),
            EventMetadata.command(correlationId, "marketing"));
    return new QualifiedResponse(leadId, decision.state().stage());
  }
}
