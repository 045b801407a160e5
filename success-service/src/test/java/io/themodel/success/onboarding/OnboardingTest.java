package io.themodel.success.onboarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.success.CustomerOnboarded;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The default configuration: an empty checklist, so a won deal is onboarded at once. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class OnboardingTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  @Test
  void a_won_deal_becomes_an_onboarded_customer_published_for_the_funnel() {
    UUID leadId = UUID.randomUUID();
    UUID opportunityId = UUID.randomUUID();
    String won = TestEvents.cloudEvent(TestEvents.dealWon(leadId, opportunityId));
    topics.send(Department.DEAL.topic(), leadId.toString(), won);
    topics.send(Department.DEAL.topic(), leadId.toString(), won); // delivered twice

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("leadId", leadId)
                    .get("/customers")
                    .then()
                    .statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].status", equalTo("ONBOARDED"))
                    .body("[0].currency", equalTo("JPY"))
                    .body("[0].contractEnd", equalTo("2027-05-01")));

    CloudEvent onboarded =
        topics.awaitEvent(
            Department.SUCCESS.topic(),
            e ->
                leadId.equals(e.leadid())
                    && e.type().equals(EventType.CUSTOMER_ONBOARDED.typeName()));
    CustomerOnboarded event = (CustomerOnboarded) new EventCodec().decode(onboarded);
    assertThat(event.opportunityId()).isEqualTo(opportunityId);
    assertThat(onboarded.accountid()).isEqualTo(event.accountId());
    assertThat(topics.eventsOf(Department.SUCCESS.topic(), leadId))
        .extracting(CloudEvent::type)
        .containsExactly(
            EventType.CUSTOMER_ACCOUNT_OPENED.typeName(), EventType.CUSTOMER_ONBOARDED.typeName());
    given().get("/customers/{id}", event.accountId()).then().statusCode(200);
    given()
        .get("/customers/{id}/onboarding", event.accountId())
        .then()
        .statusCode(200)
        .body("$", empty());
    given()
        .get("/customers/{id}/timeline", event.accountId())
        .then()
        .statusCode(200)
        .body("type", contains("CustomerAccountOpened", "CustomerOnboarded"))
        .body("[0].data.opportunityId", equalTo(opportunityId.toString()))
        .body("[0].actor", equalTo("success-service"));
  }

  @Test
  void an_unknown_customer_is_a_404() {
    given()
        .get("/customers/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/customers/{id}", "not-a-uuid").then().statusCode(404);
    given()
        .get("/customers/{id}/timeline", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/customers/{id}/onboarding", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void a_customer_query_with_an_unreadable_filter_is_a_400_naming_it() {
    for (String parameter : List.of("leadId", "status", "advocate", "band", "atRisk")) {
      given()
          .queryParam(parameter, "bogus")
          .get("/customers")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(parameter));
    }
    given().queryParam("band", "AT_RISK").get("/customers").then().statusCode(200);
  }

  @Test
  void with_an_empty_checklist_there_is_no_step_to_complete() {
    UUID accountId = io.themodel.success.WonDeals.customer(topics);
    given()
        .contentType("application/json")
        .body("{\"completedBy\":\"cs-ito\"}")
        .post("/customers/{id}/onboarding/{step}", accountId, "kickoff")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
