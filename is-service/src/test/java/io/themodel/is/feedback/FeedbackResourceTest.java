package io.themodel.is.feedback;

import static io.restassured.RestAssured.given;
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
 * Inside Sales' side of the reverse loop: feedback from field sales arrives from their topic, is
 * acknowledged and acted on here (published on IS's topic), and IS gives feedback to marketing.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class FeedbackResourceTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  /** The event of this type about this feedback on IS's topic, checked against its schema. */
  private CloudEvent published(EventType type, UUID feedbackId) {
    return FeedbackInbox.published(topics, Department.IS, type, feedbackId);
  }

  @Test
  void feedback_from_field_sales_is_received_acknowledged_and_acted_on_in_public() {
    UUID leadId = UUID.randomUUID();
    FeedbackGiven feedback =
        TestEvents.feedbackGiven(Department.DEAL, FeedbackParty.INSIDE_SALES, leadId);
    topics.publish(feedback);
    awaitReceived(feedback.feedbackId());

    given()
        .get("/feedback/{id}", feedback.feedbackId())
        .then()
        .statusCode(200)
        .body("direction", equalTo("RECEIVED"))
        .body("from", equalTo("DEAL"))
        .body("to", equalTo("INSIDE_SALES"))
        .body("leadId", equalTo(leadId.toString()))
        .body("about", equalTo(feedback.about()))
        .body("status", equalTo("OPEN"));
    given()
        .queryParam("status", "OPEN")
        .get("/feedback")
        .then()
        .body("feedbackId", hasItem(feedback.feedbackId().toString()));

    given()
        .contentType(ContentType.JSON)
        .body("{\"acknowledgedBy\": \"is-suzuki\", \"comment\": \"will ask about budget\"}")
        .post("/feedback/{id}/acknowledgement", feedback.feedbackId())
        .then()
        .statusCode(201)
        .body("status", equalTo("ACKNOWLEDGED"))
        .body("acknowledgedBy", equalTo("is-suzuki"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"acknowledgedBy\": \"is-sato\"}")
        .post("/feedback/{id}/acknowledgement", feedback.feedbackId())
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    given()
        .contentType(ContentType.JSON)
        .body("{\"actedBy\": \"is-suzuki\", \"action\": \"Budget is confirmed before a toss-up\"}")
        .post("/feedback/{id}/action", feedback.feedbackId())
        .then()
        .statusCode(201)
        .body("status", equalTo("ACTED_ON"))
        .body("action", equalTo("Budget is confirmed before a toss-up"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"actedBy\": \"is-suzuki\", \"action\": \"again\"}")
        .post("/feedback/{id}/action", feedback.feedbackId())
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .queryParam("status", "ACTED_ON")
        .get("/feedback")
        .then()
        .body("feedbackId", hasItem(feedback.feedbackId().toString()));
    given()
        .queryParam("status", "OPEN")
        .get("/feedback")
        .then()
        .body("feedbackId", not(hasItem(feedback.feedbackId().toString())));

    CloudEvent acknowledged = published(EventType.FEEDBACK_ACKNOWLEDGED, feedback.feedbackId());
    assertThat(acknowledged.type()).isEqualTo("io.themodel.feedback.FeedbackAcknowledged.v1");
    assertThat(acknowledged.leadid()).isEqualTo(leadId);
    assertThat(acknowledged.data().path("by").asText()).isEqualTo("IS");
    assertThat(acknowledged.data().path("comment").asText()).isEqualTo("will ask about budget");
    CloudEvent actedOn = published(EventType.FEEDBACK_ACTED_ON, feedback.feedbackId());
    assertThat(actedOn.leadid()).isEqualTo(leadId);
    assertThat(actedOn.data().path("actedBy").asText()).isEqualTo("is-suzuki");
  }

  @Test
  void acting_on_open_feedback_acknowledges_it_too() {
    FeedbackGiven feedback =
        TestEvents.feedbackGiven(Department.DEAL, FeedbackParty.INSIDE_SALES, UUID.randomUUID());
    topics.publish(feedback);
    awaitReceived(feedback.feedbackId());

    given()
        .contentType(ContentType.JSON)
        .body("{\"actedBy\": \"is-sato\", \"action\": \"New opening talk\"}")
        .post("/feedback/{id}/action", feedback.feedbackId())
        .then()
        .statusCode(201)
        .body("status", equalTo("ACTED_ON"))
        .body("acknowledgedBy", equalTo("is-sato"));

    assertThat(
            published(EventType.FEEDBACK_ACKNOWLEDGED, feedback.feedbackId())
                .data()
                .path("acknowledgedBy")
                .asText())
        .isEqualTo("is-sato");
    published(EventType.FEEDBACK_ACTED_ON, feedback.feedbackId());
  }

  @Test
  void feedback_field_sales_gave_marketing_is_not_in_the_inbox_of_inside_sales() {
    UUID leadId = UUID.randomUUID();
    FeedbackGiven toMarketing =
        TestEvents.feedbackGiven(Department.DEAL, FeedbackParty.MARKETING, leadId);
    FeedbackGiven toUs =
        TestEvents.feedbackGiven(Department.DEAL, FeedbackParty.INSIDE_SALES, leadId);
    topics.publish(toMarketing);
    topics.publish(toUs); // same lead, same partition: read after the first
    awaitReceived(toUs.feedbackId());

    given()
        .get("/feedback/{id}", toMarketing.feedbackId())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"acknowledgedBy\": \"is-suzuki\"}")
        .post("/feedback/{id}/acknowledgement", toMarketing.feedbackId())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void
      inside_sales_gives_marketing_feedback_published_on_its_topic_whose_status_follows_marketing() {
    UUID leadId = UUID.randomUUID();
    String location =
        given()
            .contentType(ContentType.JSON)
            .body(
                """
                {"to": "MARKETING", "leadId": "%s", "category": "LEAD_QUALITY",
                 "about": "Seminar leads", "text": "Half of the seminar MQLs are students.",
                 "givenBy": "is-suzuki"}
                """
                    .formatted(leadId))
            .post("/feedback")
            .then()
            .statusCode(201)
            .body("direction", equalTo("GIVEN"))
            .body("from", equalTo("IS"))
            .body("status", equalTo("OPEN"))
            .extract()
            .header("Location");
    UUID feedbackId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

    CloudEvent given = published(EventType.FEEDBACK_GIVEN, feedbackId);
    assertThat(given.leadid()).isEqualTo(leadId);
    assertThat(given.data().path("to").asText()).isEqualTo("MARKETING");
    given()
        .queryParam("direction", "given")
        .get("/feedback")
        .then()
        .body("feedbackId", hasItem(feedbackId.toString()));
    given()
        .contentType(ContentType.JSON)
        .body("{\"acknowledgedBy\": \"is-suzuki\"}")
        .post("/feedback/{id}/acknowledgement", feedbackId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    // Marketing acknowledges on its topic, which Inside Sales reads: the given feedback follows.
    topics.publish(
        new FeedbackAcknowledged(feedbackId, Department.LEAD, leadId, "mk-yamada", "checking"));
    FeedbackInbox.awaitAcknowledged(feedbackId, "mk-yamada");
  }

  @Test
  void bad_feedback_is_refused_naming_the_field() {
    String valid =
        """
        {"to": "MARKETING", "category": "TARGETING", "about": "%s", "text": "t", "givenBy": "%s"}
        """;
    given()
        .contentType(ContentType.JSON)
        .body(valid.formatted("x".repeat(201), "is-suzuki"))
        .post("/feedback")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("about"));
    given()
        .contentType(ContentType.JSON)
        .body(valid.formatted("about", ""))
        .post("/feedback")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("givenBy"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"to\": \"FIELD_SALES\", \"category\": \"OTHER\", \"about\": \"a\", \"text\": \"t\","
                + " \"givenBy\": \"is-suzuki\"}")
        .post("/feedback")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("to"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"to\": \"SALES\", \"category\": \"OTHER\", \"about\": \"a\", \"text\": \"t\","
                + " \"givenBy\": \"is-suzuki\"}")
        .post("/feedback")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("to"));
    given()
        .queryParam("direction", "sideways")
        .get("/feedback")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("direction"));
    given()
        .queryParam("status", "DONE")
        .get("/feedback")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"actedBy\": \"is-suzuki\", \"action\": \" \"}")
        .post("/feedback/{id}/action", UUID.randomUUID())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("action"));
  }
}
