package io.themodel.is.qualification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.themodel.events.is.BantUpdated;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.Qualified;
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
class BantResourceTest {

  private static final String NEED_AND_TIMELINE =
      "{\"budget\": false, \"authority\": false, \"need\": true, \"timeline\": true,"
          + " \"note\": \"decides in May\", \"rep\": \"is-suzuki\"}";

  private final CallListFixture fixture = new CallListFixture();

  private static ValidatableResponse putBant(UUID leadId, String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/call-list/{id}/bant", leadId)
        .then();
  }

  @Test
  void need_and_timeline_qualify_the_prospect_and_move_it_to_stage_e() {
    UUID leadId = fixture.leadOnTheCallList();

    putBant(leadId, NEED_AND_TIMELINE)
        .statusCode(200)
        .body("stage", equalTo("E"))
        .body("bant.need", equalTo(true))
        .body("bant.budget", equalTo(false))
        .body("qualifiedAt", notNullValue());

    assertThat(fixture.awaitPublished(leadId, Qualified.class))
        .isEqualTo(new Qualified(leadId, "NEED+TIMELINE", "is-suzuki"));
    assertThat(fixture.awaitPublished(leadId, BantUpdated.class))
        .isEqualTo(
            new BantUpdated(leadId, false, false, true, true, "decides in May", "is-suzuki"));
    assertThat(fixture.publishedTypes(leadId))
        .containsExactly("CallListEntered", "BantUpdated", "IsStageChanged", "Qualified");
  }

  @Test
  void the_need_alone_moves_to_stage_e_without_qualifying() {
    UUID leadId = fixture.leadOnTheCallList();
    putBant(
            leadId,
            "{\"budget\": true, \"authority\": true, \"need\": true, \"timeline\": false,"
                + " \"rep\": \"is-suzuki\"}")
        .statusCode(200)
        .body("stage", equalTo("E"))
        .body("qualifiedAt", nullValue());
  }

  @Test
  void the_same_bant_recorded_twice_is_published_once() {
    UUID leadId = fixture.leadOnTheCallList();
    putBant(leadId, NEED_AND_TIMELINE).statusCode(200);
    putBant(leadId, NEED_AND_TIMELINE).statusCode(200).body("stage", equalTo("E"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"NO_ANSWER\", \"rep\": \"is-suzuki\"}")
        .post("/call-list/{id}/calls", leadId)
        .then()
        .statusCode(201);

    // the relay publishes in order: once the later call is out, a second BantUpdated would be too
    fixture.awaitPublished(leadId, CallLogged.class);
    assertThat(fixture.publishedTypes(leadId)).containsOnlyOnce("BantUpdated");
  }

  @Test
  void bant_without_an_item_or_the_rep_is_a_400_naming_each_field() {
    UUID leadId = fixture.leadOnTheCallList();
    putBant(leadId, "{\"budget\": true, \"authority\": false, \"timeline\": true}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("need", "rep"));
  }

  @Test
  void bant_for_a_lead_not_on_the_list_is_a_404() {
    putBant(UUID.randomUUID(), NEED_AND_TIMELINE)
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
