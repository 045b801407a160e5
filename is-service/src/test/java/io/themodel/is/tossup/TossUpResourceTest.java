package io.themodel.is.tossup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.is.TossedUp;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class TossUpResourceTest {

  private static final String LEAD_TOPIC = Department.LEAD.topic();
  private static final String IS_TOPIC = Department.IS.topic();
  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private void mqlArrives(UUID leadId) {
    topics.send(
        LEAD_TOPIC,
        leadId.toString(),
        TestEvents.cloudEvent(TestEvents.marketingQualified(leadId)));
    awaitOnCallList(leadId);
  }

  private static void awaitOnCallList(UUID leadId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> given().get("/call-list/{id}", leadId).then().statusCode(200));
  }

  @Test
  void an_mql_from_marketing_is_tossed_up_to_field_sales_with_rule_version_and_rep() {
    UUID leadId = UUID.randomUUID();
    mqlArrives(leadId);
    given().get("/call-list").then().statusCode(200).body("leadId", hasItem(leadId.toString()));

    String tossUpId =
        given()
            .contentType(ContentType.JSON)
            .body("{\"assignedRep\": \"fs-tanaka\", \"handoffComment\": \"予算確保済み\"}")
            .post("/call-list/{id}/toss-up", leadId)
            .then()
            .statusCode(201)
            .body("ruleVersion", equalTo("v1"))
            .extract()
            .path("tossUpId");

    CloudEvent published =
        topics.awaitEvent(
            IS_TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("TossedUp"));
    TossedUp tossedUp = (TossedUp) codec.decode(published);
    assertThat(tossedUp.tossUpId()).hasToString(tossUpId);
    assertThat(tossedUp.assignedRep()).isEqualTo("fs-tanaka");
    assertThat(tossedUp.handoffComment()).isEqualTo("予算確保済み");
    assertThat(published.causationid()).isNull(); // a person's command, not a reaction
    assertThat(topics.typesOf(IS_TOPIC, leadId))
        .containsExactly("io.themodel.is.CallListEntered.v1", "io.themodel.is.TossedUp.v1");
    given()
        .contentType(ContentType.JSON)
        .body("{\"assignedRep\": \"fs-sato\"}")
        .post("/call-list/{id}/toss-up", leadId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void the_same_mql_delivered_twice_enters_the_call_list_once() {
    UUID leadId = UUID.randomUUID();
    String record =
        TestEvents.cloudEvent(
            TestEvents.marketingQualified(leadId), UUID.randomUUID(), Instant.now());
    topics.send(LEAD_TOPIC, leadId.toString(), record);
    topics.send(LEAD_TOPIC, leadId.toString(), record);
    awaitOnCallList(leadId);

    CloudEvent entered = topics.awaitEvent(IS_TOPIC, e -> leadId.equals(e.leadid()));
    assertThat(entered.causationid()).isNotNull(); // a reaction names the event that caused it
    // a later event on the same partition proves both copies were consumed
    UUID marker = UUID.randomUUID();
    mqlArrives(marker);
    assertThat(topics.typesOf(IS_TOPIC, leadId))
        .containsExactly("io.themodel.is.CallListEntered.v1");
  }

  @Test
  void unreadable_records_go_to_the_dead_letter_topic_and_consumption_goes_on() {
    topics.send(LEAD_TOPIC, "poison", "this is not JSON");
    topics.send(
        LEAD_TOPIC,
        "unknown",
        TestEvents.cloudEvent(TestEvents.marketingQualified(UUID.randomUUID()))
            .replace("MarketingQualified.v1\"", "MarketingDisqualified.v9\""));
    UUID leadId = UUID.randomUUID();
    mqlArrives(leadId);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(topics.records(LEAD_TOPIC + ".dlq"))
                    .extracting(ConsumerRecord::key)
                    .contains("poison", "unknown"));
    ConsumerRecord<String, String> poison =
        topics.records(LEAD_TOPIC + ".dlq").stream()
            .filter(r -> "poison".equals(r.key()))
            .findFirst()
            .orElseThrow();
    assertThat(
            new String(
                poison.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
        .contains("not CloudEvents JSON");
  }

  @Test
  void a_toss_up_without_a_rep_is_a_400_naming_the_field() {
    UUID leadId = UUID.randomUUID();
    mqlArrives(leadId);
    given()
        .contentType(ContentType.JSON)
        .body("{\"handoffComment\": \"hi\"}")
        .post("/call-list/{id}/toss-up", leadId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("assignedRep"));
  }

  @Test
  void a_toss_up_of_a_lead_not_on_the_list_is_a_404() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"assignedRep\": \"fs-tanaka\"}")
        .post("/call-list/{id}/toss-up", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void without_a_rule_book_every_lead_passes_the_configured_rule_version() {
    UUID leadId = UUID.randomUUID();
    mqlArrives(leadId);
    given()
        .get("/call-list/{id}/toss-up-evaluation", leadId)
        .then()
        .statusCode(200)
        .body("ruleVersion", equalTo("v1"))
        .body("passed", equalTo(true));
    given().get("/toss-up-rules").then().statusCode(200).body("size()", equalTo(0));
  }
}
