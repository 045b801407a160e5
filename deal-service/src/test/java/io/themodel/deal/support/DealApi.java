package io.themodel.deal.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.is.TossedUp;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.TopicProbe;
import java.time.Duration;
import java.util.UUID;

/** What deal-service tests do over and over: a toss-up arrives, a rep answers, events appear. */
public final class DealApi {

  public static final String DEAL_TOPIC = Department.DEAL.topic();
  private static final TopicProbe TOPICS = TopicProbe.onSharedBroker();
  private static final EventCodec CODEC = new EventCodec();

  /** Reads JSON numbers as BigDecimal, so money is compared exactly. */
  public static final RestAssuredConfig DECIMALS =
      RestAssuredConfig.config()
          .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));

  private DealApi() {}

  public static TopicProbe topics() {
    return TOPICS;
  }

  /** A toss-up for a new lead to this rep arrives from Inside Sales; answers its opportunity id. */
  public static UUID tossUpArrives(String rep) {
    UUID leadId = UUID.randomUUID();
    TossedUp tossedUp =
        new TossedUp(leadId, UUID.randomUUID(), "v1", "Budget approved for Q3", rep);
    TOPICS.send(Department.IS.topic(), leadId.toString(), TestEvents.cloudEvent(tossedUp));
    awaitOpportunity(tossedUp.tossUpId(), "AWAITING_ACCEPTANCE");
    return tossedUp.tossUpId();
  }

  public static void awaitOpportunity(UUID opportunityId, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/opportunities/{id}", opportunityId)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(status)));
  }

  public static ValidatableResponse post(String path, UUID opportunityId, String json) {
    return given()
        .contentType(ContentType.JSON)
        .body(json)
        .post("/opportunities/{id}/" + path, opportunityId)
        .then();
  }

  public static UUID accepted(String rep) {
    UUID opportunityId = tossUpArrives(rep);
    post("acceptance", opportunityId, "{\"acceptedBy\": \"" + rep + "\"}").statusCode(200);
    return opportunityId;
  }

  /** The first event of this type about this opportunity on the deal topic, decoded. */
  @SuppressWarnings("unchecked")
  public static <E extends DomainEvent> E published(String type, UUID opportunityId) {
    CloudEvent event =
        TOPICS.awaitEvent(
            DEAL_TOPIC,
            e ->
                e.type().contains("." + type + ".")
                    && opportunityId.toString().equals(e.subject()));
    return (E) CODEC.decode(event);
  }
}
