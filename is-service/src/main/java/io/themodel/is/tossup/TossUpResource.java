package io.themodel.is.tossup;

import io.themodel.is.calllist.Prospect;
import io.themodel.is.calllist.Prospects;
import io.themodel.is.calls.CallRecord;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Inside Sales hands a prospect to field sales (トスアップ) under the active toss-up rule version; a
 * lead the version fails needs an override reason. Without an active version the configured rule
 * version is recorded and no rule is checked.
 */
@Path("/call-list/{leadId}/toss-up")
public class TossUpResource {

  /** Who takes the opportunity, what IS learned, and why to hand over a lead the rules fail. */
  public record TossUpRequest(
      @NotBlank @Size(max = 100) String assignedRep,
      @Size(max = 4000) String handoffComment,
      @Size(max = 1000) String overrideReason,
      @Size(max = 100) String tossedUpBy) {}

  /** The toss-up made: its id is the opportunity's id in field sales. */
  public record TossUpResponse(
      UUID tossUpId,
      UUID leadId,
      String assignedRep,
      String ruleVersion,
      boolean overridden,
      List<String> failedConditions) {}

  private final Prospects prospects;
  private final TossUpRules rules;
  private final String configuredRuleVersion;

  TossUpResource(
      Prospects prospects,
      TossUpRules rules,
      @ConfigProperty(name = "themodel.toss-up.rule-version") String configuredRuleVersion) {
    this.prospects = prospects;
    this.rules = rules;
    this.configuredRuleVersion = configuredRuleVersion;
  }

  @POST
  public Response tossUp(
      @PathParam("leadId") UUID leadId,
      @HeaderParam("X-Correlation-Id") UUID correlationId,
      @NotNull @Valid TossUpRequest request) {
    UUID tossUpId = UUID.randomUUID();
    Optional<Evaluation> evaluation = rules.evaluate(leadId, request.assignedRep());
    String ruleVersion = evaluation.map(Evaluation::ruleVersion).orElse(configuredRuleVersion);
    List<String> failed = evaluation.map(Evaluation::failedLabels).orElse(List.of());
    prospects.execute(
        leadId,
        new Prospect.TossUp(
            tossUpId,
            ruleVersion,
            request.handoffComment(),
            request.assignedRep(),
            failed,
            request.overrideReason()),
        EventMetadata.command(correlationId, tossedUpBy(leadId, request.tossedUpBy())));
    return Response.created(URI.create("/call-list/" + leadId))
        .entity(
            new TossUpResponse(
                tossUpId, leadId, request.assignedRep(), ruleVersion, !failed.isEmpty(), failed))
        .build();
  }

  /** The IS rep the toss-up counts for: the one named, else the one who called the lead last. */
  private static String tossedUpBy(UUID leadId, String named) {
    if (named != null && !named.isBlank()) {
      return named;
    }
    return CallRecord.<CallRecord>find("leadId = ?1 order by calledAt desc", leadId)
        .firstResultOptional()
        .map(call -> call.rep)
        .orElse(Prospects.TEAM_ACTOR);
  }
}
