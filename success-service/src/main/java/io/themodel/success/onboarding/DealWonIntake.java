package io.themodel.success.onboarding;

import io.smallrye.common.annotation.Blocking;
import io.themodel.events.deal.DealWon;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.platform.feedback.FeedbackIntake;
import io.themodel.platform.inbox.EventInbox;
import io.themodel.success.customer.Customer;
import io.themodel.success.customer.Customers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns every won deal from Field Sales into a customer account with the onboarding checklist,
 * except a won expansion (its opportunity id is an expansion this department identified), which
 * grows the contract of the account that identified it.
 */
@ApplicationScoped
public class DealWonIntake {

  private final EventInbox inbox;
  private final Customers customers;
  private final OnboardingChecklist checklist;
  private final FeedbackIntake feedback;

  DealWonIntake(
      EventInbox inbox,
      Customers customers,
      OnboardingChecklist checklist,
      FeedbackIntake feedback) {
    this.inbox = inbox;
    this.customers = customers;
    this.checklist = checklist;
    this.feedback = feedback;
  }

  @Incoming("deal-events")
  @Blocking
  public void onDealEvent(ConsumerRecord<String, String> record) {
    inbox.receive(
        record,
        incoming -> {
          if (incoming.event() instanceof DealWon won) {
            Optional<UUID> expanded =
                customers.accountExpandedBy(won.leadId(), won.opportunityId());
            if (expanded.isPresent()) {
              customers.execute(
                  expanded.get(),
                  new Customer.WinExpansion(won.opportunityId(), won.amount()),
                  incoming.reaction("success-service"));
              return;
            }
            UUID accountId = Customer.accountIdFor(won.opportunityId());
            customers.execute(
                accountId,
                new Customer.Open(
                    accountId,
                    won.leadId(),
                    won.opportunityId(),
                    won.amount(),
                    won.contractStart(),
                    won.termMonths(),
                    checklist.steps()),
                incoming.reaction("success-service"));
          } else if (incoming.event() instanceof FeedbackEvent) {
            feedback.receive(incoming);
          }
        });
  }
}
