package io.themodel.deal.expansion;

import io.smallrye.common.annotation.Blocking;
import io.themodel.deal.opportunity.DealConfig;
import io.themodel.deal.opportunity.Opportunities;
import io.themodel.deal.opportunity.Opportunity;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.platform.feedback.FeedbackIntake;
import io.themodel.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns an upsell or cross-sell Customer Success identified into a deal: the opportunity's id is
 * the expansion id (a redelivery opens nothing new), and it skips the toss-up, opening as a valid
 * opportunity in stage E at the estimated value.
 */
@ApplicationScoped
public class ExpansionIntake {

  private final EventInbox inbox;
  private final Opportunities opportunities;
  private final DealConfig config;
  private final FeedbackIntake feedback;

  ExpansionIntake(
      EventInbox inbox, Opportunities opportunities, DealConfig config, FeedbackIntake feedback) {
    this.inbox = inbox;
    this.opportunities = opportunities;
    this.config = config;
    this.feedback = feedback;
  }

  @Incoming("success-events")
  @Blocking
  public void onSuccessEvent(ConsumerRecord<String, String> record) {
    inbox.receive(
        record,
        incoming -> {
          if (incoming.event() instanceof ExpansionIdentified expansion) {
            opportunities.execute(
                expansion.expansionId(),
                new Opportunity.Open(
                    expansion.expansionId(),
                    expansion.leadId(),
                    expansion.kind() == OpportunityKind.NEW_BUSINESS
                        ? OpportunityKind.UPSELL
                        : expansion.kind(),
                    config.expansionRep(),
                    expansion.note(),
                    expansion.estimatedValue()),
                incoming.reaction("deal-service"));
          } else if (incoming.event() instanceof FeedbackEvent) {
            feedback.receive(incoming);
          }
        });
  }
}
