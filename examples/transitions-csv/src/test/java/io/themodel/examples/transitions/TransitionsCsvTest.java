package io.themodel.examples.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.RecycleKind;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBroker;
import io.themodel.testing.kafka.TopicProbe;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The example consumer against a real broker, with events as the departments publish them. */
class TransitionsCsvTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  private String send(DomainEvent event, UUID eventId, String at) {
    String value = TestEvents.cloudEvent(event, eventId, Instant.parse(at));
    topics.send(EventType.of(event).department().topic(), event.leadId().toString(), value);
    return value;
  }

  @Test
  void a_leads_journey_becomes_its_transitions_in_time_order_whatever_order_the_topics_gave()
      throws Exception {
    UUID leadId = UUID.randomUUID();
    UUID opportunityId = UUID.randomUUID();
    UUID tossedUpId = UUID.randomUUID();
    // Published department by department, so the topics' order is not the order of events.
    send(
        TestEvents.tossUpAccepted(leadId, opportunityId),
        UUID.randomUUID(),
        "2026-03-04T09:00:00Z");
    send(TestEvents.tossedUp(leadId), tossedUpId, "2026-03-03T09:00:00Z");
    send(TestEvents.tossedUp(leadId), tossedUpId, "2026-03-03T09:00:00Z"); // re-delivered
    send(TestEvents.callListEntered(leadId), UUID.randomUUID(), "2026-03-02T12:00:00Z");
    send(TestEvents.leadCaptured(leadId), UUID.randomUUID(), "2026-03-01T09:00:00Z");
    send(TestEvents.marketingQualified(leadId), UUID.randomUUID(), "2026-03-02T09:00:00Z");
    send(
        new LeadRecycled(leadId, RecycleKind.B, UUID.randomUUID(), "DealLost", "price"),
        UUID.randomUUID(),
        "2026-03-10T09:00:00Z");
    topics.send("themodel.success.v1", "poison", "not a CloudEvent");

    StringWriter csv = new StringWriter();
    new TransitionsCsv(KafkaBroker.shared().bootstrapServers(), "test-" + UUID.randomUUID())
        .writeCsv(csv);

    List<String> rows =
        csv.toString().lines().filter(line -> line.startsWith(leadId.toString())).toList();
    assertThat(csv.toString().lines().findFirst()).contains(TransitionsCsv.HEADER);
    assertThat(rows)
        .extracting(row -> row.split(",")[1] + "->" + row.split(",")[2])
        .containsExactly(
            "->CAPTURED",
            "CAPTURED->MQL",
            "MQL->TOSSED_UP",
            "TOSSED_UP->VALID_OPPORTUNITY",
            "VALID_OPPORTUNITY->RECYCLED_B");
    assertThat(rows.get(1).split(",")[4]).as("hours from capture to MQL").isEqualTo("24.0");
    assertThat(rows.get(2).split(",")[5]).isEqualTo("io.themodel.is.TossedUp.v1");
  }
}
