package io.themodel.deal.closing;

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
import io.themodel.events.deal.DealWon;
import io.themodel.events.is.TossedUp;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "deal_test"))
class DealFlowTest {

  private static final String DEAL_TOPIC = Department.DEAL.topic();
  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private UUID tossUpArrives(UUID leadId) {
    TossedUp tossedUp = TestEvents.tossedUp(leadId);
    topics.send(Department.IS.topic(), leadId.toString(), TestEvents.cloudEvent(tossedUp));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/opportunities/{id}", tossedUp.tossUpId())
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("AWAITING_ACCEPTANCE")));
    return tossedUp.tossUpId();
  }

  private static final String WIN =
      """
      {"amount": 1200000, "currency": "JPY", "contractStart": "2026-05-01", "termMonths": 12}
      """;

  @Test
  void a_toss_up_is_accepted_and_won_and_the_win_is_published_for_customer_success() {
    UUID leadId = UUID.randomUUID();
    UUID opportunityId = tossUpArrives(leadId);
    given()
        .get("/opportunities?status=AWAITING_ACCEPTANCE")
        .then()
        .body("opportunityId", hasItem(opportunityId.toString()));

    given()
        .contentType(ContentType.JSON)
        .body("{\"acceptedBy\": \"fs-tanaka\"}")
        .post("/opportunities/{id}/acceptance", opportunityId)
        .then()
        .statusCode(200)
        .body("status", equalTo("VALID"));
    given()
        .contentType(ContentType.JSON)
        .body(WIN)
        .post("/opportunities/{id}/won", opportunityId)
        .then()
        .statusCode(200)
        .body("status", equalTo("WON"))
        .body("currency", equalTo("JPY"));

    CloudEvent won =
        topics.awaitEvent(
            DEAL_TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("DealWon"));
    DealWon dealWon = (DealWon) codec.decode(won);
    assertThat(dealWon.opportunityId()).isEqualTo(opportunityId);
    assertThat(dealWon.amount().amount()).isEqualByComparingTo("1200000");
    assertThat(topics.typesOf(DEAL_TOPIC, leadId))
        .containsExactly(
            "io.themodel.deal.OpportunityOpened.v1",
            "io.themodel.deal.TossUpAccepted.v1",
            "io.themodel.deal.DealWon.v1");
  }

  @Test
  void a_deal_cannot_be_won_before_the_toss_up_is_accepted() {
    UUID opportunityId = tossUpArrives(UUID.randomUUID());
    given()
        .contentType(ContentType.JSON)
        .body(WIN)
        .post("/opportunities/{id}/won", opportunityId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void a_win_with_a_bad_currency_and_term_names_both_fields() {
    UUID opportunityId = tossUpArrives(UUID.randomUUID());
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"amount\": 1200000, \"currency\": \"yen\", \"contractStart\": \"2026-05-01\","
                + " \"termMonths\": 0}")
        .post("/opportunities/{id}/won", opportunityId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("currency"))
        .body("errors.field", hasItem("termMonths"));
  }

  @Test
  void an_unparseable_contract_start_is_a_400_naming_it() {
    UUID opportunityId = tossUpArrives(UUID.randomUUID());
    given()
        .contentType(ContentType.JSON)
        .body(WIN.replace("2026-05-01", "next spring"))
        .post("/opportunities/{id}/won", opportunityId)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("contractStart"));
  }

  @Test
  void an_unknown_opportunity_is_a_404() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"acceptedBy\": \"fs-tanaka\"}")
        .post("/opportunities/{id}/acceptance", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
