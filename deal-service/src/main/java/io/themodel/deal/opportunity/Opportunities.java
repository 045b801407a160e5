package io.themodel.deal.opportunity;

import io.quarkus.runtime.Startup;
import io.themodel.deal.opportunity.OpportunityResource.OpportunityResponse;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.platform.command.CommandRunner;
import io.themodel.platform.command.Decision;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Runs Field Sales' commands on an opportunity and keeps its view in the same transaction. Started
 * eagerly so that a bad {@code themodel.deal.*} setting stops the service at start-up.
 */
@Startup
@ApplicationScoped
public class Opportunities {

  static final String STREAM_TYPE = "opportunity";

  private final CommandRunner runner;
  private final Opportunity opportunity;
  private final DealConfig config;

  Opportunities(CommandRunner runner, DealConfig config) {
    this.runner = runner;
    this.config = config;
    this.opportunity =
        new Opportunity(
            DealRules.configured(
                config.rejectionReasons(), config.lossReasons(), config.stageProbability()));
  }

  /** Runs the command and answers the opportunity as it now stands. */
  @Transactional
  public OpportunityResponse executeAndShow(
      UUID opportunityId, Opportunity.Command command, EventMetadata metadata) {
    execute(opportunityId, command, metadata);
    return OpportunityResponse.of(OpportunityResource.find(opportunityId), config);
  }

  @Transactional
  public Decision<Opportunity.State> execute(
      UUID opportunityId, Opportunity.Command command, EventMetadata metadata) {
    Decision<Opportunity.State> decision =
        runner.run(STREAM_TYPE, opportunityId.toString(), opportunity, command, metadata);
    decision.events().forEach(Opportunities::project);
    return decision;
  }

  private static void project(StoredEvent stored) {
    if (stored.event() instanceof OpportunityOpened opened) {
      OpportunityView.opened(opened, stored.occurredAt()).persist();
    } else if (stored.event() instanceof TossUpAccepted accepted) {
      view(accepted.opportunityId()).accepted(accepted, stored.occurredAt());
    } else if (stored.event() instanceof TossUpRejected rejected) {
      view(rejected.opportunityId()).rejected(rejected, stored.occurredAt());
    } else if (stored.event() instanceof DealStageChanged changed) {
      view(changed.opportunityId()).stageChanged(changed, stored.occurredAt());
    } else if (stored.event() instanceof DealWon won) {
      view(won.opportunityId()).won(won, stored.occurredAt());
    } else if (stored.event() instanceof DealLost lost) {
      view(lost.opportunityId()).lost(lost, stored.occurredAt());
    } else {
      throw new IllegalStateException("not an opportunity event: " + stored.type());
    }
  }

  private static OpportunityView view(UUID opportunityId) {
    return OpportunityView.<OpportunityView>findByIdOptional(opportunityId).orElseThrow();
  }
}
