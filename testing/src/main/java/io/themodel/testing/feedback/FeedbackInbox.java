package io.themodel.testing.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.testing.kafka.TopicProbe;
import java.time.Duration;
import java.util.UUID;

/**
 * The platform's feedback endpoints of the service under test (a {@code @QuarkusTest}), as every
 * department's feedback test reads them: waits until feedback arrived or moved on, and finds the
 * feedback events the service published.
 */
public final class FeedbackInbox {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final EventCodec CODEC = new EventCodec();

  private FeedbackInbox() {}

  /** Waits until the feedback is in this department's received list. */
  public static void awaitReceived(UUID feedbackId) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                given()
                    .queryParam("direction", "received")
                    .get("/feedback")
                    .then()
                    .statusCode(200)
                    .body("feedbackId", hasItem(feedbackId.toString())));
  }

  /** Waits until the feedback, as this department knows it, was acknowledged by that person. */
  public static void awaitAcknowledged(Object feedbackId, String acknowledgedBy) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                given()
                    .get("/feedback/{id}", feedbackId)
                    .then()
                    .body("status", equalTo("ACKNOWLEDGED"))
                    .body("acknowledgedBy", equalTo(acknowledgedBy)));
  }

  /**
   * The event of this type about this feedback on the department's topic, published by its service
   * and valid against its schema.
   */
  public static CloudEvent published(
      TopicProbe topics, Department department, EventType type, UUID feedbackId) {
    CloudEvent event =
        topics.awaitEvent(
            department.topic(),
            e ->
                e.type().equals(type.typeName())
                    && e.data().path("feedbackId").asText().equals(feedbackId.toString()));
    assertThat(CODEC.violations(type, event.data())).isEmpty();
    assertThat(event.source()).isEqualTo(department.source());
    return event;
  }
}
