package io.themodel.is.recycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.themodel.events.is.Disqualified;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.calllist.CallListFixture;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class DisqualificationResourceTest {

  private final CallListFixture fixture = new CallListFixture();

  private static ValidatableResponse disqualify(UUID leadId, String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/call-list/{id}/disqualification", leadId)
        .then();
  }

  @Test
  void a_disqualified_lead_leaves_the_call_list_and_goes_back_to_marketing_with_the_reason() {
    UUID leadId = fixture.leadOnTheCallList();

    disqualify(leadId, "{\"reason\": \"no budget this fiscal year\", \"rep\": \"is-suzuki\"}")
        .statusCode(201)
        .body("status", equalTo("DISQUALIFIED"))
        .body("disqualificationReason", equalTo("no budget this fiscal year"));

    assertThat(fixture.awaitPublished(leadId, Disqualified.class))
        .isEqualTo(new Disqualified(leadId, "no budget this fiscal year", "is-suzuki"));
    given().get("/call-list").then().body("leadId", not(hasItem(leadId.toString())));
    given()
        .contentType(ContentType.JSON)
        .body("{\"assignedRep\": \"fs-tanaka\"}")
        .post("/call-list/{id}/toss-up", leadId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    disqualify(leadId, "{\"reason\": \"again\", \"rep\": \"is-suzuki\"}")
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void a_disqualified_lead_qualified_again_by_marketing_returns_to_the_call_list_in_stage_a() {
    UUID leadId = fixture.leadOnTheCallList();
    given()
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"CONTACTED_KEY_PERSON\", \"rep\": \"is-suzuki\"}")
        .post("/call-list/{id}/calls", leadId)
        .then()
        .statusCode(201);
    disqualify(leadId, "{\"reason\": \"no budget\", \"rep\": \"is-suzuki\"}").statusCode(201);

    Instant due = Instant.parse("2026-10-01T09:00:00Z");
    fixture.mqlArrives(
        new MarketingQualified(leadId, ScoreBand.MQL_HIGH, LeadSource.SEMINAR, due, 2));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .get("/call-list/{id}", leadId)
                    .then()
                    .body("status", equalTo("ON_CALL_LIST"))
                    .body("stage", equalTo("A"))
                    .body("calls", equalTo(0))
                    .body("dueAt", equalTo("2026-10-01T09:00:00Z")));
    given().get("/call-list").then().body("leadId", hasItem(leadId.toString()));
  }

  @Test
  void a_disqualification_without_a_reason_is_a_400_naming_the_field() {
    UUID leadId = fixture.leadOnTheCallList();
    disqualify(leadId, "{\"rep\": \"is-suzuki\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("reason"));
  }

  @Test
  void disqualifying_a_lead_not_on_the_list_is_a_404() {
    disqualify(UUID.randomUUID(), "{\"reason\": \"no budget\", \"rep\": \"is-suzuki\"}")
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
