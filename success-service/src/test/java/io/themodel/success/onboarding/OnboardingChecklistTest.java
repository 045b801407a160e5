package io.themodel.success.onboarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.success.CustomerAccountOpened;
import io.themodel.events.success.OnboardingStepCompleted;
import io.themodel.success.Race;
import io.themodel.success.Race.Answer;
import io.themodel.success.Race.Post;
import io.themodel.success.TwoStepChecklist;
import io.themodel.success.WonDeals;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A configured checklist: the account is onboarded when its last step is completed. */
@QuarkusTest
@TestProfile(TwoStepChecklist.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class OnboardingChecklistTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  @TestHTTPResource("/")
  URL base;

  @Inject DataSource dataSource;

  private static void complete(UUID accountId, String step, int status) {
    given()
        .contentType("application/json")
        .body("{\"completedBy\":\"cs-ito\"}")
        .post("/customers/{id}/onboarding/{step}", accountId, step)
        .then()
        .statusCode(status);
  }

  @Test
  void a_won_deal_opens_an_account_that_is_onboarded_when_its_last_step_is_completed() {
    UUID accountId = WonDeals.customer(topics);
    given()
        .get("/customers/{id}", accountId)
        .then()
        .body("status", equalTo("ONBOARDING"))
        .body("onboardedAt", nullValue());
    CloudEvent opened =
        topics.awaitEvent(
            Department.SUCCESS.topic(),
            e ->
                accountId.equals(e.accountid())
                    && e.type().equals(EventType.CUSTOMER_ACCOUNT_OPENED.typeName()));
    assertThat(((CustomerAccountOpened) codec.decode(opened)).onboardingSteps())
        .containsExactly("kickoff", "admin-training");

    complete(accountId, "admin-training", 200);
    complete(accountId, "admin-training", 200); // again: nothing new
    given()
        .get("/customers/{id}/onboarding", accountId)
        .then()
        .statusCode(200)
        .body("step", contains("kickoff", "admin-training"))
        .body("[0].completedAt", nullValue())
        .body("[1].completedBy", equalTo("cs-ito"));
    given().get("/customers/{id}", accountId).then().body("status", equalTo("ONBOARDING"));

    complete(accountId, "kickoff", 200);
    given()
        .get("/customers/{id}", accountId)
        .then()
        .body("status", equalTo("ONBOARDED"))
        .body("onboardedAt", notNullValue());
    given()
        .queryParam("status", "ONBOARDED")
        .get("/customers")
        .then()
        .body("accountId", hasItem(accountId.toString()));

    topics.awaitEvent(
        Department.SUCCESS.topic(),
        e ->
            accountId.equals(e.accountid())
                && e.type().equals(EventType.CUSTOMER_ONBOARDED.typeName()));
    List<OnboardingStepCompleted> steps =
        topics.events(Department.SUCCESS.topic()).stream()
            .filter(e -> accountId.equals(e.accountid()))
            .map(codec::decode)
            .filter(OnboardingStepCompleted.class::isInstance)
            .map(OnboardingStepCompleted.class::cast)
            .toList();
    assertThat(steps)
        .extracting(OnboardingStepCompleted::step)
        .containsExactly("admin-training", "kickoff");
  }

  @Test
  void a_step_off_the_checklist_or_of_an_unknown_account_is_a_404_and_a_missing_actor_a_400() {
    UUID accountId = WonDeals.customer(topics);
    complete(accountId, "golf", 404);
    complete(UUID.randomUUID(), "kickoff", 404);
    given()
        .contentType("application/json")
        .body("{\"completedBy\":\" \"}")
        .post("/customers/{id}/onboarding/{step}", accountId, "kickoff")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("completedBy"));
    given()
        .contentType("application/json")
        .body("{\"completedBy\":")
        .post("/customers/{id}/onboarding/{step}", accountId, "kickoff")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void a_churned_customer_completes_no_step() {
    UUID accountId = WonDeals.customer(topics);
    given()
        .contentType("application/json")
        .body("{\"reason\":\"never started\"}")
        .post("/customers/{id}/churn", accountId)
        .then()
        .statusCode(200);
    given()
        .contentType("application/json")
        .body("{\"completedBy\":\"cs-ito\"}")
        .post("/customers/{id}/onboarding/{step}", accountId, "kickoff")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void the_last_two_steps_completed_at_once_are_one_step_and_a_409_that_a_retry_completes()
      throws Exception {
    UUID accountId = WonDeals.customer(topics);
    List<String> steps = List.of("kickoff", "admin-training");
    List<Answer> answers;
    try (Race race = new Race(dataSource, base)) {
      // Each would be the last step done on its own: without the append guard, both would onboard.
      answers =
          race.heldAtAppend(
              steps.stream()
                  .map(
                      step ->
                          new Post(
                              "/customers/" + accountId + "/onboarding/" + step,
                              "{\"completedBy\":\"cs-ito\"}"))
                  .toList());
    }
    assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
    Answer refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    given().get("/customers/{id}", accountId).then().body("status", equalTo("ONBOARDING"));
    assertThat(timelineTypes(accountId))
        .containsExactly("CustomerAccountOpened", "OnboardingStepCompleted");

    complete(accountId, steps.get(answers.indexOf(refused)), 200); // the client retries
    given().get("/customers/{id}", accountId).then().body("status", equalTo("ONBOARDED"));
    assertThat(timelineTypes(accountId))
        .containsExactly(
            "CustomerAccountOpened",
            "OnboardingStepCompleted",
            "OnboardingStepCompleted",
            "CustomerOnboarded");
  }

  private static List<String> timelineTypes(UUID accountId) {
    return given()
        .get("/customers/{id}/timeline", accountId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("type", String.class);
  }
}
