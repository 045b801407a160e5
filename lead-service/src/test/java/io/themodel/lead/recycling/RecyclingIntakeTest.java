package io.themodel.lead.recycling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.RecycleKind;
import io.themodel.lead.LeadRequests;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class RecyclingIntakeTest {

  private static final String LEAD_TOPIC = Department.LEAD.topic();
  private final TopicProbe topic = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  /** An MQL with a score: captured, a seminar and a download, qualified by the hand-off band. */
  static UUID scoredMql() {
    String body =
        """
        {"source": "SEMINAR", "person": {"name": "伊藤 四郎", "email": "%s@recycle.example"},
         "companyName": "株式会社リサイクル", "consent": true}
        """
            .formatted(UUID.randomUUID());
    UUID leadId = LeadRequests.capture(body);
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"SEMINAR_ATTENDED\", \"count\": 2}")
        .post("/leads/{id}/activities", leadId)
        .then()
        .statusCode(200)
        .body("stage", equalTo("MQL"))
        .body("score", equalTo(60));
    return leadId;
  }

  private void publish(Department from, DomainEvent event, UUID eventId) {
    publish(from, event, eventId, event.leadId());
  }

  /** Publishes under another record key, to keep it in order with that key's other records. */
  private void publish(Department from, DomainEvent event, UUID eventId, UUID key) {
    topic.send(from.topic(), key.toString(), TestEvents.cloudEvent(event, eventId, Instant.now()));
  }

  private LeadRecycled awaitRecycled(UUID leadId) {
    CloudEvent event =
        topic.awaitEvent(
            LEAD_TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("LeadRecycled"));
    return (LeadRecycled) codec.decode(event);
  }

  @Test
  void a_disqualified_lead_goes_back_to_nurturing_as_recycle_a_keeping_its_score() {
    UUID leadId = scoredMql();
    UUID causeId = UUID.randomUUID();

    publish(Department.IS, RecyclingEvents.disqualified(leadId), causeId);

    LeadRecycled recycled = awaitRecycled(leadId);
    assertThat(recycled.kind()).isEqualTo(RecycleKind.A);
    assertThat(recycled.causeEventId()).isEqualTo(causeId);
    assertThat(recycled.causeType()).isEqualTo("io.themodel.is.Disqualified.v1");
    assertThat(recycled.reason()).isEqualTo("no budget this fiscal year");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .get("/leads/{id}", leadId)
                    .then()
                    .body("stage", equalTo("NURTURING"))
                    .body("score", equalTo(60)));
    // back in nurturing, the lead can be qualified again
    given()
        .contentType(ContentType.JSON)
        .body("{\"band\": \"MQL_HIGH\"}")
        .post("/leads/{id}/qualification", leadId)
        .then()
        .statusCode(200)
        .body("stage", equalTo("MQL"));
  }

  @Test
  void
      a_lost_deal_is_recycle_b_with_its_loss_reason_and_the_score_reset_once_however_often_it_arrives() {
    UUID leadId = scoredMql();
    UUID causeId = UUID.randomUUID();

    publish(Department.DEAL, RecyclingEvents.dealLost(leadId), causeId);
    publish(Department.DEAL, RecyclingEvents.dealLost(leadId), causeId); // re-delivered

    LeadRecycled recycled = awaitRecycled(leadId);
    assertThat(recycled.kind()).isEqualTo(RecycleKind.B);
    assertThat(recycled.causeType()).isEqualTo("io.themodel.deal.DealLost.v1");
    assertThat(recycled.reason()).isEqualTo("PRICE (competitor: Rival KK)");
    CloudEvent reset =
        topic.awaitEvent(
            LEAD_TOPIC,
            e ->
                leadId.equals(e.leadid())
                    && e.data().path("reason").asText().equals("RECYCLE_RESET"));
    assertThat(((LeadScored) codec.decode(reset)).score()).isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .get("/leads/{id}", leadId)
                    .then()
                    .body("stage", equalTo("NURTURING"))
                    .body("score", equalTo(0)));
    assertThat(topic.typesOf(LEAD_TOPIC, leadId))
        .filteredOn(t -> t.contains("LeadRecycled"))
        .hasSize(1);
  }

  @Test
  void a_churned_customer_becomes_a_win_back_lead() {
    UUID leadId = scoredMql();

    publish(Department.SUCCESS, RecyclingEvents.churned(leadId), UUID.randomUUID());

    LeadRecycled recycled = awaitRecycled(leadId);
    assertThat(recycled.kind()).isEqualTo(RecycleKind.WIN_BACK);
    assertThat(recycled.causeType()).isEqualTo("io.themodel.success.Churned.v1");
    assertThat(recycled.reason()).isEqualTo("moved to an in-house tool");
  }

  @Test
  void a_referral_becomes_one_new_referral_lead_however_often_it_is_delivered() {
    UUID referrer = scoredMql();
    UUID referralId = UUID.randomUUID();
    String email = "hanako." + UUID.randomUUID() + "@ppt-shoji.example";

    publish(
        Department.SUCCESS,
        RecyclingEvents.referralMade(referrer, referralId, email),
        UUID.randomUUID());
    publish(
        Department.SUCCESS,
        RecyclingEvents.referralMade(referrer, referralId, email),
        UUID.randomUUID());
    // the referrer's churn comes after both deliveries on the same partition: once it is
    // recycled, both referrals have been consumed
    publish(Department.SUCCESS, RecyclingEvents.churned(referrer), UUID.randomUUID());
    awaitRecycled(referrer);

    CloudEvent captured =
        topic.awaitEvent(
            LEAD_TOPIC,
            e -> e.type().contains("LeadCaptured") && e.data().toString().contains(email));
    LeadCaptured lead = (LeadCaptured) codec.decode(captured);
    assertThat(lead.source()).isEqualTo(LeadSource.REFERRAL);
    assertThat(lead.campaign()).startsWith("referral:");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .get("/leads/{id}", lead.leadId())
                    .then()
                    .statusCode(200)
                    .body("source", equalTo("REFERRAL")));
    // the second delivery (a new event id, the same referral) was the same lead: no touch, no copy
    assertThat(topic.records(LEAD_TOPIC)).filteredOn(r -> r.value().contains(email)).hasSize(1);
    given().get("/leads/{id}", lead.leadId()).then().body("touches", equalTo(1));
  }

  @Test
  void an_event_about_a_lead_marketing_does_not_know_is_consumed_without_effect() {
    UUID unknown = UUID.randomUUID();
    UUID known = scoredMql();

    publish(Department.IS, RecyclingEvents.disqualified(unknown), UUID.randomUUID(), known);
    publish(Department.IS, RecyclingEvents.disqualified(known), UUID.randomUUID());

    awaitRecycled(known); // consumption went on past the unknown lead, in order on one partition
    assertThat(topic.typesOf(LEAD_TOPIC, unknown)).isEmpty();
    // consumed, not dead-lettered after its retries (a rejected command once left the
    // transaction rollback-only, so that recording the event as processed could never commit)
    assertThat(topic.records(Department.IS.deadLetterTopic()))
        .noneMatch(record -> record.value().contains(unknown.toString()));
  }
}
