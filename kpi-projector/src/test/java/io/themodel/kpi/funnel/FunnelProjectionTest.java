package io.themodel.kpi.funnel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_test"))
class FunnelProjectionTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  /** One whole journey, one stage a day from {@code day1}. */
  private static List<DomainEvent> journey(UUID leadId) {
    UUID opportunityId = UUID.randomUUID();
    var tossedUp = TestEvents.tossedUp(leadId);
    return List.of(
        TestEvents.leadCaptured(leadId),
        TestEvents.marketingQualified(leadId),
        TestEvents.callListEntered(leadId),
        new io.themodel.events.is.TossedUp(
            leadId, opportunityId, tossedUp.ruleVersion(), null, tossedUp.assignedRep()),
        TestEvents.opportunityOpened(leadId, opportunityId),
        TestEvents.tossUpAccepted(leadId, opportunityId),
        TestEvents.dealWon(leadId, opportunityId),
        TestEvents.customerOnboarded(leadId, opportunityId));
  }

  private static Map<String, Integer> funnel(String asOf) {
    List<Map<String, Object>> stages =
        given()
            .queryParam("asOf", asOf)
            .get("/funnel")
            .then()
            .statusCode(200)
            .extract()
            .path("stages");
    Map<String, Integer> counts = new LinkedHashMap<>();
    stages.stream()
        .filter(
            stage ->
                !List.of("NURTURING", "IS_CONTACT", "RENEWED_OR_EXPANDED", "ADVOCATE")
                    .contains(stage.get("stage")))
        .forEach(stage -> counts.put((String) stage.get("stage"), (Integer) stage.get("reached")));
    return counts;
  }

  @Test
  void a_journey_delivered_out_of_order_and_twice_counts_once_at_every_stage_as_it_happened() {
    UUID leadId = UUID.randomUUID();
    Instant day1 = Instant.parse("2001-03-01T09:00:00Z");
    List<DomainEvent> events = journey(leadId);
    List<String> records = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      records.add(
          TestEvents.cloudEvent(events.get(i), UUID.randomUUID(), day1.plus(Duration.ofDays(i))));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = records.size() - 1; i >= 0; i--) {
      order.add(i);
    }
    order.addAll(order.subList(0, order.size())); // every record delivered twice
    List<Integer> deliveries = new ArrayList<>(order);
    Collections.reverse(deliveries.subList(records.size(), deliveries.size()));
    for (int i : deliveries) {
      DomainEvent event = events.get(i);
      topics.send(EventType.of(event).department().topic(), leadId.toString(), records.get(i));
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(funnel("2001-12-31T00:00:00Z"))
                    .containsExactly(
                        Map.entry("LEAD_CAPTURED", 1),
                        Map.entry("MQL", 1),
                        Map.entry("TOSSED_UP", 1),
                        Map.entry("VALID_OPPORTUNITY", 1),
                        Map.entry("WON", 1),
                        Map.entry("ONBOARDED", 1)));
    // As of the fourth day the lead had been tossed up (day 4) but not yet accepted (day 6).
    assertThat(funnel("2001-03-04T12:00:00Z"))
        .containsExactly(
            Map.entry("LEAD_CAPTURED", 1),
            Map.entry("MQL", 1),
            Map.entry("TOSSED_UP", 1),
            Map.entry("VALID_OPPORTUNITY", 0),
            Map.entry("WON", 0),
            Map.entry("ONBOARDED", 0));
    assertThat(funnel("2001-02-28T00:00:00Z"))
        .allSatisfy((stage, count) -> assertThat(count).isZero());
  }

  @Test
  void an_event_that_fails_its_schema_goes_to_the_dead_letter_topic_and_the_funnel_goes_on() {
    UUID leadId = UUID.randomUUID();
    String missingCompany =
        TestEvents.cloudEvent(TestEvents.leadCaptured(leadId))
            .replace("\"companyName\":\"株式会社PPT\",", "");
    topics.send(Department.LEAD.topic(), "schema-" + leadId, missingCompany);
    UUID next = UUID.randomUUID();
    topics.send(
        Department.LEAD.topic(),
        next.toString(),
        TestEvents.cloudEvent(
            TestEvents.leadCaptured(next),
            UUID.randomUUID(),
            Instant.parse("2002-01-01T00:00:00Z")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        funnel("2002-12-31T00:00:00Z").get("LEAD_CAPTURED")
                            - funnel("2001-12-31T00:00:00Z").get("LEAD_CAPTURED"))
                    .as("leads captured in 2002")
                    .isEqualTo(1));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(topics.records(Department.LEAD.topic() + ".dlq"))
                    .extracting(ConsumerRecord::key)
                    .contains("schema-" + leadId));
  }

  @Test
  void an_unreadable_as_of_is_a_400_naming_it() {
    given()
        .queryParam("asOf", "yesterday")
        .get("/funnel")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("asOf"));
  }
}
