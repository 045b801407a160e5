package io.themodel.deal.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.testing.feedback.FeedbackInbox;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Field sales gives feedback upstream, and to Customer Success about the expectations set in the
 * sale: a FeedbackGiven on its own topic, from deal-service.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "deal_test"))
class FeedbackGivingTest {

  private static final String DEAL_TOPIC = Department.DEAL.topic();
  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private static String request(UUID leadId) {
    return """
        {"to": "INSIDE_SALES", "leadId": "%s", "category": "HANDOFF_INFORMATION",
         "about": "訪問結果とトスアップコメントの乖離",
         "text": "The comment said budget approved; the customer has none before April.",
         "givenBy": "fs-tanaka"}
        """
        .formatted(leadId);
  }

  @Test
  void feedback_to_inside_sales_is_published_on_the_deal_topic_by_deal_service() {
    UUID leadId = UUID.randomUUID();

    String location =
        given()
            .contentType(ContentType.JSON)
            .body(request(leadId))
            .post("/feedback")
            .then()
            .statusCode(201)
            .body("from", equalTo("DEAL"))
            .body("to", equalTo("INSIDE_SALES"))
            .body("status", equalTo("OPEN"))
            .extract()
            .header("Location");
    String feedbackId = location.substring(location.lastIndexOf('/') + 1);

    CloudEvent published =
        topics.awaitEvent(DEAL_TOPIC, e -> e.data().path("feedbackId").asText().equals(feedbackId));
    assertThat(published.type()).isEqualTo("io.themodel.feedback.FeedbackGiven.v1");
    assertThat(published.source()).isEqualTo("/themodel/deal-service");
    assertThat(published.dataschema())
        .isEqualTo("https://schemas.themodel.io/events/FeedbackGiven.v1.json");
    assertThat(published.subject()).isEqualTo(feedbackId);
    assertThat(published.leadid()).isEqualTo(leadId);
    assertThat(codec.violations(EventType.FEEDBACK_GIVEN, published.data())).isEmpty();
    assertThat(published.data().path("from").asText()).isEqualTo("DEAL");
    assertThat(published.data().path("givenBy").asText()).isEqualTo("fs-tanaka");
    List<ConsumerRecord<String, String>> records =
        topics.records(DEAL_TOPIC).stream().filter(r -> r.value().contains(feedbackId)).toList();
    assertThat(records)
        .singleElement()
        .satisfies(r -> assertThat(r.key()).isEqualTo(leadId.toString()));
    given()
        .queryParam("direction", "given")
        .get("/feedback")
        .then()
        .statusCode(200)
        .body("feedbackId", hasItem(feedbackId));
  }

  @Test
  void a_retried_request_with_the_same_idempotency_key_gives_the_feedback_once() {
    UUID leadId = UUID.randomUUID();
    String key = UUID.randomUUID().toString();

    String first =
        given()
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(request(leadId))
            .post("/feedback")
            .then()
            .statusCode(201)
            .extract()
            .path("feedbackId");
    given()
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(request(leadId))
        .post("/feedback")
        .then()
        .statusCode(201)
        .body("feedbackId", equalTo(first));

    // The relay publishes in append order: once later feedback is out, a second copy would be too.
    String later =
        given()
            .contentType(ContentType.JSON)
            .body(request(leadId))
            .post("/feedback")
            .then()
            .statusCode(201)
            .extract()
            .path("feedbackId");
    topics.awaitEvent(DEAL_TOPIC, e -> e.data().path("feedbackId").asText().equals(later));
    assertThat(
            topics.events(DEAL_TOPIC).stream()
                .filter(e -> e.data().path("feedbackId").asText().equals(first)))
        .hasSize(1);
  }

  @Test
  void field_sales_hands_customer_success_the_expectations_and_follows_its_acknowledgement() {
    UUID leadId = UUID.randomUUID();
    String feedbackId =
        given()
            .contentType(ContentType.JSON)
            .body(
                request(leadId)
                    .replace("INSIDE_SALES", "CUSTOMER_SUCCESS")
                    .replace("HANDOFF_INFORMATION", "CUSTOMER_EXPECTATIONS"))
            .post("/feedback")
            .then()
            .statusCode(201)
            .body("to", equalTo("CUSTOMER_SUCCESS"))
            .extract()
            .path("feedbackId");
    CloudEvent published =
        topics.awaitEvent(DEAL_TOPIC, e -> e.data().path("feedbackId").asText().equals(feedbackId));
    assertThat(published.data().path("to").asText()).isEqualTo("CUSTOMER_SUCCESS");

    // Customer Success acknowledges on its topic, which Field Sales reads for expansions.
    topics.publish(
        new FeedbackAcknowledged(
            UUID.fromString(feedbackId), Department.SUCCESS, leadId, "cs-ito", null));
    FeedbackInbox.awaitAcknowledged(feedbackId, "cs-ito");
  }

  @Test
  void field_sales_cannot_give_feedback_to_itself() {
    given()
        .contentType(ContentType.JSON)
        .body(request(UUID.randomUUID()).replace("INSIDE_SALES", "FIELD_SALES"))
        .post("/feedback")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("to"));
  }
}
