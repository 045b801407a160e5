package io.themodel.success.feedback;

import static io.restassured.RestAssured.given;
import static io.themodel.testing.feedback.FeedbackInbox.awaitAcknowledged;
import static io.themodel.testing.feedback.FeedbackInbox.awaitReceived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventType;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.feedback.FeedbackInbox;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Customer Success' side of the reverse loop: Field Sales hands it the expectations set during the
 * sale (from the deal topic), CS acknowledges and acts on them (on the success topic); CS gives
 * Field Sales feedback and learns of its acknowledgement from the deal topic.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class FeedbackInboxTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  private CloudEvent published(EventType type, UUID feedbackId) {
    return FeedbackInbox.published(topics, Department.SUCCESS, type, feedbackId);
  }

  @Test
  void expectations_field_sales_hands_over_enter_the_inbox_and_are_acknowledged_and_acted_on() {
    UUID leadId = UUID.randomUUID();
    FeedbackGiven feedback =
        TestEvents.feedbackGiven(Department.DEAL, FeedbackParty.CUSTOMER_SUCCESS, leadId);
    topics.publish(feedback);
    awaitReceived(feedback.feedbackId());

    given()
        .get("/feedback/{id}", feedback.feedbackId())
        .then()
        .statusCode(200)
        .body("direction", equalTo("RECEIVED"))
        .body("from", equalTo("DEAL"))
        .body("to", equalTo("CUSTOMER_SUCCESS"))
        .body("leadId", equalTo(leadId.toString()))
        .body("status", equalTo("OPEN"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"acknowledgedBy\": \"cs-ito\", \"comment\": \"kick-off will confirm scope\"}")
        .post("/feedback/{id}/acknowledgement", feedback.feedbackId())
        .then()
        .statusCode(201)
        .body("status", equalTo("ACKNOWLEDGED"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"acknowledgedBy\": \"cs-ito\"}")
        .post("/feedback/{id}/acknowledgement", feedback.feedbackId())
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"actedBy\": \"cs-ito\", \"action\": \"Integrations added to the onboarding plan\"}")
        .post("/feedback/{id}/action", feedback.feedbackId())
        .then()
        .statusCode(201)
        .body("status", equalTo("ACTED_ON"));
    given()
        .queryParam("status", "OPEN")
        .get("/feedback")
        .then()
        .body("feedbackId", not(hasItem(feedback.feedbackId().toString())));

    CloudEvent acknowledged = published(EventType.FEEDBACK_ACKNOWLEDGED, feedback.feedbackId());
    assertThat(acknowledged.leadid()).isEqualTo(leadId);
    assertThat(acknowledged.data().path("by").asText()).isEqualTo("SUCCESS");
    assertThat(acknowledged.data().path("comment").asText())
        .isEqualTo("kick-off will confirm scope");
    CloudEvent actedOn = published(EventType.FEEDBACK_ACTED_ON, feedback.feedbackId());
    assertThat(actedOn.leadid()).isEqualTo(leadId);
    assertThat(actedOn.data().path("action").asText())
        .isEqualTo("Integrations added to the onboarding plan");
  }

  @Test
  void feedback_field_sales_gave_inside_sales_is_not_in_the_inbox_of_customer_success() {
    UUID leadId = UUID.randomUUID();
    FeedbackGiven toInsideSales =
        TestEvents.feedbackGiven(Department.DEAL, FeedbackParty.INSIDE_SALES, leadId);
    FeedbackGiven toUs =
        TestEvents.feedbackGiven(Department.DEAL, FeedbackParty.CUSTOMER_SUCCESS, leadId);
    topics.publish(toInsideSales);
    topics.publish(toUs); // same lead, same partition: read after the first
    awaitReceived(toUs.feedbackId());

    given()
        .get("/feedback/{id}", toInsideSales.feedbackId())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"actedBy\": \"cs-ito\", \"action\": \"x\"}")
        .post("/feedback/{id}/action", toInsideSales.feedbackId())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void customer_success_gives_field_sales_feedback_whose_status_follows_field_sales() {
    UUID leadId = UUID.randomUUID();
    String feedbackId =
        given()
            .contentType(ContentType.JSON)
            .body(
                """
                {"to": "FIELD_SALES", "leadId": "%s", "category": "CUSTOMER_EXPECTATIONS",
                 "about": "Integrations promised", "text": "The customer expected an ERP link.",
                 "givenBy": "cs-ito"}
                """
                    .formatted(leadId))
            .post("/feedback")
            .then()
            .statusCode(201)
            .body("direction", equalTo("GIVEN"))
            .body("from", equalTo("SUCCESS"))
            .extract()
            .path("feedbackId");
    CloudEvent givenEvent = published(EventType.FEEDBACK_GIVEN, UUID.fromString(feedbackId));
    assertThat(givenEvent.data().path("to").asText()).isEqualTo("FIELD_SALES");

    // Field Sales acknowledges on its topic, which Customer Success reads.
    topics.publish(
        new FeedbackAcknowledged(
            UUID.fromString(feedbackId), Department.DEAL, leadId, "fs-tanaka", null));
    awaitAcknowledged(feedbackId, "fs-tanaka");
  }

  @Test
  void customer_success_cannot_give_inside_sales_feedback() {
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"to": "INSIDE_SALES", "category": "HANDOFF_INFORMATION", "about": "a",
             "text": "t", "givenBy": "cs-ito"}
            """)
        .post("/feedback")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("to"));
  }
}
