package io.themodel.is.handoff;

import io.smallrye.common.annotation.Blocking;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.platform.feedback.FeedbackIntake;
import io.themodel.platform.inbox.EventInbox;
import io.themodel.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Field sales' answer to Inside Sales' toss-ups: which became valid opportunities, which were
 * rejected and why, and how many deals each field rep holds open (for the capacity-aware toss-up).
 * A later state never goes back: a won deal stays won if its acceptance is delivered again.
 */
@ApplicationScoped
public class DealEventIntake {

  private final EventInbox inbox;
  private final FeedbackIntake feedback;

  DealEventIntake(EventInbox inbox, FeedbackIntake feedback) {
    this.inbox = inbox;
    this.feedback = feedback;
  }

  @Incoming("deal-events")
  @Blocking
  public void onDealEvent(ConsumerRecord<String, String> record) {
    inbox.receive(
        record,
        incoming -> {
          if (incoming.event() instanceof FeedbackEvent) {
            feedback.receive(incoming);
          } else {
            apply(incoming);
          }
        });
  }

  private static void apply(IncomingEvent incoming) {
    if (incoming.event() instanceof OpportunityOpened opened) {
      HandoffOutcome outcome = HandoffOutcome.of(opened.opportunityId(), opened.leadId());
      outcome.fieldRep = opened.assignedRep();
      outcome.openedAt = incoming.occurredAt();
    } else if (incoming.event() instanceof TossUpAccepted accepted) {
      HandoffOutcome outcome = HandoffOutcome.of(accepted.opportunityId(), accepted.leadId());
      decided(outcome, HandoffOutcome.Status.VALID, accepted.acceptedBy(), incoming);
    } else if (incoming.event() instanceof TossUpRejected rejected) {
      HandoffOutcome outcome = HandoffOutcome.of(rejected.opportunityId(), rejected.leadId());
      decided(outcome, HandoffOutcome.Status.REJECTED, rejected.rejectedBy(), incoming);
      outcome.reason = rejected.reason();
      outcome.handoffGap = rejected.handoffGap();
      outcome.closedAt = incoming.occurredAt();
    } else if (incoming.event() instanceof DealWon won) {
      closed(
          HandoffOutcome.of(won.opportunityId(), won.leadId()),
          HandoffOutcome.Status.WON,
          incoming);
    } else if (incoming.event() instanceof DealLost lost) {
      HandoffOutcome outcome = HandoffOutcome.of(lost.opportunityId(), lost.leadId());
      closed(outcome, HandoffOutcome.Status.LOST, incoming);
      outcome.reason = lost.reason();
    }
  }

  private static void decided(
      HandoffOutcome outcome, HandoffOutcome.Status status, String by, IncomingEvent incoming) {
    outcome.decidedBy = by;
    outcome.decidedAt = incoming.occurredAt();
    if (outcome.status == HandoffOutcome.Status.OPEN) {
      outcome.status = status;
    }
    if (outcome.fieldRep == null) {
      outcome.fieldRep = by;
    }
  }

  private static void closed(
      HandoffOutcome outcome, HandoffOutcome.Status status, IncomingEvent incoming) {
    outcome.status = status;
    outcome.closedAt = incoming.occurredAt();
  }
}
