package io.themodel.deal.tossup;

import io.smallrye.common.annotation.Blocking;
import io.themodel.deal.opportunity.Opportunities;
import io.themodel.deal.opportunity.Opportunity;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.is.TossedUp;
import io.themodel.platform.feedback.FeedbackIntake;
import io.themodel.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns every toss-up from Inside Sales into an opportunity awaiting the rep's acceptance. */
@ApplicationScoped
public class TossUpIntake {

  private final EventInbox inbox;
  private final Opportunities opportunities;
  private final FeedbackIntake feedback;

  TossUpIntake(EventInbox inbox, Opportunities opportunities, FeedbackIntake feedback) {
    this.inbox = inbox;
    this.opportunities = opportunities;
    this.feedback = feedback;
  }

  @Incoming("is-events")
  @Blocking
  public void onIsEvent(ConsumerRecord<String, String> record) {
    inbox.receive(
        record,
        incoming -> {
          if (incoming.event() instanceof TossedUp tossedUp) {
            opportunities.execute(
                tossedUp.tossUpId(),
                new Opportunity.Open(
                    tossedUp.tossUpId(),
                    tossedUp.leadId(),
                    OpportunityKind.NEW_BUSINESS,
                    tossedUp.assignedRep(),
                    tossedUp.handoffComment(),
                    null),
                incoming.reaction("deal-service"));
          } else if (incoming.event() instanceof FeedbackEvent) {
            feedback.receive(incoming);
          }
        });
  }
}
