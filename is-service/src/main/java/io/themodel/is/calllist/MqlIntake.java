package io.themodel.is.calllist;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.is.planning.LeadCompany;
import io.themodel.platform.feedback.FeedbackIntake;
import io.themodel.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Puts every MQL from Marketing on the call list, due at its follow-up time, and keeps the company
 * each lead was captured for. Every capture comes this way, so a poll's records are applied as one
 * batch, in one transaction.
 */
@ApplicationScoped
public class MqlIntake {

  private final EventInbox inbox;
  private final Prospects prospects;
  private final FeedbackIntake feedback;

  MqlIntake(EventInbox inbox, Prospects prospects, FeedbackIntake feedback) {
    this.inbox = inbox;
    this.prospects = prospects;
    this.feedback = feedback;
  }

  @Incoming("lead-events")
  @Blocking
  public CompletionStage<Void> onLeadEvents(KafkaRecordBatch<String, String> batch) {
    return inbox.receiveEach(
        batch,
        incoming -> {
          if (incoming.event() instanceof LeadCaptured captured) {
            LeadCompany.record(captured.leadId(), captured.companyName());
          } else if (incoming.event() instanceof MarketingQualified mql) {
            MarketingBand.record(mql.leadId(), mql.band(), incoming.occurredAt());
            prospects.execute(
                mql.leadId(),
                new Prospect.EnterCallList(
                    mql.leadId(), mql.source(), mql.followUpDueAt(), mql.priority()),
                incoming.reaction("is-service"));
          } else if (incoming.event() instanceof FeedbackEvent) {
            feedback.receive(incoming);
          }
        });
  }
}
