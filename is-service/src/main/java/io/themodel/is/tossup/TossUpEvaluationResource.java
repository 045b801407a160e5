package io.themodel.is.tossup;

import io.themodel.is.calllist.CallListResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the active toss-up rule version about a lead before handing it over: pass or fail, with the
 * conditions that decided. Nothing is recorded, so it is a read (GET) that every role may make.
 */
@Path("/call-list/{leadId}/toss-up-evaluation")
public class TossUpEvaluationResource {

  private final TossUpRules rules;
  private final String configuredRuleVersion;

  TossUpEvaluationResource(
      TossUpRules rules,
      @ConfigProperty(name = "themodel.toss-up.rule-version") String configuredRuleVersion) {
    this.rules = rules;
    this.configuredRuleVersion = configuredRuleVersion;
  }

  /**
   * 200 with the verdict, with the load band of {@code assignedRep} when given; without an active
   * version every lead passes the configured version.
   */
  @GET
  public Evaluation evaluate(
      @PathParam("leadId") UUID leadId, @QueryParam("assignedRep") String assignedRep) {
    CallListResource.find(leadId);
    return rules
        .evaluate(leadId, assignedRep)
        .orElseGet(
            () ->
                new Evaluation(configuredRuleVersion, true, List.of(), List.of(), List.of(), null));
  }
}
