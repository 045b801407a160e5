package io.themodel.kpi.facts;

import io.smallrye.common.annotation.Blocking;
import io.themodel.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes all four departments' topics in one consumer group; each record is recorded once
 * (processed event ids in the same transaction), unreadable ones go to their topic's DLQ.
 */
@ApplicationScoped
public class DepartmentEventIntake {

  private final EventInbox inbox;
  private final FactRecorder facts;

  DepartmentEventIntake(EventInbox inbox, FactRecorder facts) {
    this.inbox = inbox;
    this.facts = facts;
  }

  @Incoming("lead-events")
  @Blocking
  public void onLeadEvent(ConsumerRecord<String, String> record) {
    inbox.receive(record, facts::record);
  }

  @Incoming("is-events")
  @Blocking
  public void onIsEvent(ConsumerRecord<String, String> record) {
    inbox.receive(record, facts::record);
  }

  @Incoming("deal-events")
  @Blocking
  public void onDealEvent(ConsumerRecord<String, String> record) {
    inbox.receive(record, facts::record);
  }

  @Incoming("success-events")
  @Blocking
  public void onSuccessEvent(ConsumerRecord<String, String> record) {
    inbox.receive(record, facts::record);
  }
}
