package io.themodel.lead.recycling;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import io.themodel.events.deal.DealLost;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ReferralMade;
import io.themodel.lead.capture.LeadIntake;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.Leads;
import io.themodel.platform.feedback.FeedbackIntake;
import io.themodel.platform.inbox.EventInbox;
import io.themodel.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Leads other departments send back to Marketing: Inside Sales' Disqualified (Recycle A), Field
 * Sales' DealLost (Recycle B) and Customer Success' Churned (win-back) return the lead to nurturing
 * with the configured score rule; a ReferralMade becomes a new lead with source referral, once per
 * referral. Inside Sales' ProspectProfiled scores fit by company size and industry. An event about
 * a merged lead applies to its survivor.
 */
@Startup
@ApplicationScoped
public class RecyclingIntake {

  private static final String ACTOR = "lead-service";
  private static final int MAX_REASON = 500;

  private final EventInbox inbox;
  private final Leads leads;
  private final LeadIntake intake;
  private final RecyclingConfig config;
  private final FeedbackIntake feedback;

  RecyclingIntake(
      EventInbox inbox,
      Leads leads,
      LeadIntake intake,
      RecyclingConfig config,
      FeedbackIntake feedback) {
    for (RecycleKind kind : RecycleKind.values()) {
      if (config.score().get(kind) == null) {
        throw new IllegalStateException(
            "themodel.recycling.score."
                + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " is missing: RESET or KEEP");
      }
    }
    this.inbox = inbox;
    this.leads = leads;
    this.intake = intake;
    this.config = config;
    this.feedback = feedback;
  }

  @Incoming("is-events")
  @Blocking
  public void onInsideSalesEvent(ConsumerRecord<String, String> record) {
    inbox.receive(
        record,
        incoming -> {
          if (incoming.event() instanceof Disqualified disqualified) {
            recycle(incoming, disqualified.leadId(), RecycleKind.A, disqualified.reason());
          } else if (incoming.event() instanceof ProspectProfiled profiled) {
            leads.execute(
                leads.survivorOf(profiled.leadId()),
                new LeadLifecycle.Profile(
                    new LeadLifecycle.CompanyProfile(profiled.employees(), profiled.industry())),
                incoming.reaction(ACTOR));
          } else if (incoming.event() instanceof FeedbackEvent) {
            feedback.receive(incoming);
          }
        });
  }

  @Incoming("deal-events")
  @Blocking
  public void onFieldSalesEvent(ConsumerRecord<String, String> record) {
    inbox.receive(
        record,
        incoming -> {
          if (incoming.event() instanceof DealLost lost) {
            String reason =
                lost.competitor() == null || lost.competitor().isBlank()
                    ? lost.reason()
                    : lost.reason() + " (competitor: " + lost.competitor() + ")";
            recycle(incoming, lost.leadId(), RecycleKind.B, reason);
          } else if (incoming.event() instanceof FeedbackEvent) {
            feedback.receive(incoming);
          }
        });
  }

  @Incoming("success-events")
  @Blocking
  public void onCustomerSuccessEvent(ConsumerRecord<String, String> record) {
    inbox.receive(
        record,
        incoming -> {
          if (incoming.event() instanceof Churned churned) {
            recycle(incoming, churned.leadId(), RecycleKind.WIN_BACK, churned.reason());
          } else if (incoming.event() instanceof ReferralMade referral) {
            intake.take(
                new LeadIntake.Incoming(
                    LeadSource.REFERRAL,
                    "referral:" + referral.accountId(),
                    referral.person(),
                    referral.companyName(),
                    false,
                    "referral:" + referral.referralId()),
                incoming.reaction(ACTOR));
          } else if (incoming.event() instanceof FeedbackEvent) {
            feedback.receive(incoming);
          }
        });
  }

  private void recycle(
      IncomingEvent incoming, java.util.UUID leadId, RecycleKind kind, String why) {
    // a lead merged meanwhile is recycled as its survivor: the event carries the surviving id
    leads.execute(
        leads.survivorOf(leadId),
        new LeadLifecycle.Recycle(
            kind,
            incoming.eventId(),
            incoming.type().typeName(),
            reason(why),
            config.score().get(kind) == RecyclingConfig.ScoreRule.RESET),
        incoming.reaction(ACTOR));
  }

  private static String reason(String why) {
    if (why == null || why.isBlank()) {
      return null;
    }
    return why.length() <= MAX_REASON ? why : why.substring(0, MAX_REASON);
  }
}
