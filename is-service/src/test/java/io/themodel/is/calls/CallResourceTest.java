package io.themodel.is.calls;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.IsStage;
import io.themodel.events.is.IsStageChanged;
import io.themodel.is.calllist.CallListFixture;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class CallResourceTest {

  private final CallListFixture fixture = new CallListFixture();

  private static io.restassured.response.ValidatableResponse logCall(UUID leadId, String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/call-list/{id}/calls", leadId)
        .then();
  }

  @Test
  void a_call_that_reaches_the_person_in_charge_is_published_and_moves_the_prospect_to_stage_c() {
    UUID leadId = fixture.leadOnTheCallList();

    logCall(leadId, "{\"outcome\": \"CONTACTED_KEY_PERSON\", \"rep\": \"is-suzuki\"}")
        .statusCode(201)
        .contentType(ContentType.JSON)
        .body("stage", equalTo("C"))
        .body("calls", equalTo(1))
        .body("lastOutcome", equalTo("CONTACTED_KEY_PERSON"))
        .body("lastCallAt", notNullValue());

    assertThat(fixture.awaitPublished(leadId, IsStageChanged.class))
        .isEqualTo(new IsStageChanged(leadId, IsStage.A, IsStage.C));
    assertThat(fixture.awaitPublished(leadId, CallLogged.class))
        .isEqualTo(
            new CallLogged(leadId, CallOutcome.CONTACTED_KEY_PERSON, "is-suzuki", null, null));
    assertThat(fixture.publishedTypes(leadId))
        .containsExactly("CallListEntered", "CallLogged", "IsStageChanged");
  }

  @Test
  void the_call_history_lists_every_call_oldest_first_and_unanswered_calls_keep_stage_a() {
    UUID leadId = fixture.leadOnTheCallList();
    logCall(leadId, "{\"outcome\": \"NO_ANSWER\", \"rep\": \"is-suzuki\"}")
        .statusCode(201)
        .body("stage", equalTo("A"));
    logCall(
            leadId,
            "{\"outcome\": \"CONTACTED_KEY_PERSON\", \"rep\": \"is-sato\","
                + " \"currentEnvironment\": \"Excel, 40 reps\", \"note\": \"budget in May\"}")
        .statusCode(201)
        .body("stage", equalTo("D"))
        .body("calls", equalTo(2));

    given()
        .get("/call-list/{id}/calls", leadId)
        .then()
        .statusCode(200)
        .body("outcome", contains("NO_ANSWER", "CONTACTED_KEY_PERSON"))
        .body("rep", contains("is-suzuki", "is-sato"))
        .body("[1].currentEnvironment", equalTo("Excel, 40 reps"))
        .body("[1].note", equalTo("budget in May"));
  }

  @Test
  void an_unknown_outcome_is_a_400_naming_the_field() {
    UUID leadId = fixture.leadOnTheCallList();
    logCall(leadId, "{\"outcome\": \"VOICEMAIL_POEM\", \"rep\": \"is-suzuki\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("outcome"));
  }

  @Test
  void a_call_without_outcome_or_rep_is_a_400_naming_both_fields() {
    UUID leadId = fixture.leadOnTheCallList();
    logCall(leadId, "{}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("outcome", "rep"));
  }

  @Test
  void a_current_environment_heard_from_the_reception_is_a_422_naming_the_field() {
    UUID leadId = fixture.leadOnTheCallList();
    logCall(
            leadId,
            "{\"outcome\": \"CONNECTED_RECEPTION\", \"rep\": \"is-suzuki\","
                + " \"currentEnvironment\": \"Excel\"}")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("currentEnvironment"));
  }

  @Test
  void a_call_to_a_lead_not_on_the_list_is_a_404() {
    logCall(UUID.randomUUID(), "{\"outcome\": \"NO_ANSWER\", \"rep\": \"is-suzuki\"}")
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/call-list/{id}/calls", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
