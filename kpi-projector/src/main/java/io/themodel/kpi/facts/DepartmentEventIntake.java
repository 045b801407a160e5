package io.themodel.kpi.facts;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.themodel.platform.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes all four departments' topics in one consumer group, a poll's batch at a time: each batch
 * is recorded in one transaction, each event once (processed event ids in the same transaction),
 * and unreadable records go to their topic's DLQ.
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
  public CompletionStage<Void> onLeadEvents(KafkaRecordBatch<String, String> batch) {
    return inbox.receiveAll(batch, facts::recordAll);
  }

  @Incoming("is-events")
  @Blocking
  public CompletionStage<Void> onIsEvents(KafkaRecordBatch<String, String> batch) {
    return inbox.receiveAll(batch, facts::recordAll);
  }

  @Incoming("deal-events")
  @Blocking
  public CompletionStage<Void> onDealEvents(KafkaRecordBatch<String, String> batch) {
    return inbox.receiveAll(batch, facts::recordAll);
  }

  @Incoming("success-events")
  @Blocking
  public CompletionStage<Void> onSuccessEvents(KafkaRecordBatch<String, String> batch) {
    return inbox.receiveAll(batch, facts::recordAll);
  }
}
