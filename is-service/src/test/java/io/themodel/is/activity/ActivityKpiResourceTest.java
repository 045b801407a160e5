package io.themodel.is.activity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.Department;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.is.calllist.CallListFixture;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class ActivityKpiResourceTest {

  private final CallListFixture fixture = new CallListFixture();

  private static void call(UUID leadId, String rep, String outcome, String environment) {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"outcome\": \""
                + outcome
                + "\", \"rep\": \""
                + rep
                + "\""
                + (environment == null ? "" : ", \"currentEnvironment\": \"" + environment + "\"")
                + "}")
        .post("/call-list/{id}/calls", leadId)
        .then()
        .statusCode(201);
  }

  private static String tossUp(UUID leadId, String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/call-list/{id}/toss-up", leadId)
        .then()
        .statusCode(201)
        .extract()
        .path("tossUpId");
  }

  @Test
  void a_reps_calls_connects_contacts_nurturing_toss_ups_and_valid_opportunities_with_rates() {
    String rep = "is-kpi-" + UUID.randomUUID();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    UUID first = fixture.leadOnTheCallList();
    call(first, rep, "NO_ANSWER", null);
    call(first, rep, "CONNECTED_RECEPTION", null);
    call(first, rep, "CONTACTED_KEY_PERSON", "Excel, 40 reps");
    UUID tossUpId =
        UUID.fromString(
            tossUp(first, "{\"assignedRep\": \"fs-tanaka\", \"tossedUpBy\": \"" + rep + "\"}"));
    UUID second = fixture.leadOnTheCallList();
    call(second, rep, "CALL_BACK_REQUESTED", null);
    tossUp(second, "{\"assignedRep\": \"fs-tanaka\"}"); // the rep who called it last tossed it up
    fixture
        .topics()
        .send(
            Department.DEAL.topic(),
            first.toString(),
            TestEvents.cloudEvent(new TossUpAccepted(first, tossUpId, "fs-tanaka")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("from", today)
                    .queryParam("to", today)
                    .queryParam("rep", rep)
                    .get("/activity-kpis")
                    .then()
                    .statusCode(200)
                    .body("reps", hasSize(1))
                    .body("reps[0].validOpportunities", equalTo(1)));
    given()
        .queryParam("from", today)
        .queryParam("to", today)
        .queryParam("rep", rep)
        .get("/activity-kpis")
        .then()
        .body("reps.rep", contains(rep))
        .body("reps[0].calls", equalTo(4))
        .body("reps[0].connects", equalTo(3))
        .body("reps[0].contacts", equalTo(1))
        .body("reps[0].nurturingLeads", equalTo(1))
        .body("reps[0].tossUps", equalTo(2))
        .body("reps[0].connectRate", equalTo(0.75f))
        .body("reps[0].contactRate", equalTo(1f / 3))
        .body("reps[0].tossUpRate", equalTo(2f))
        .body("reps[0].validRate", equalTo(0.5f))
        .body("team.calls", equalTo(4));
  }

  @Test
  void a_period_before_any_activity_is_empty() {
    given()
        .queryParam("from", "2001-01-01")
        .queryParam("to", "2001-01-31")
        .get("/activity-kpis")
        .then()
        .statusCode(200)
        .body("reps", hasSize(0))
        .body("team.calls", equalTo(0));
  }

  @Test
  void a_missing_or_bad_date_or_a_reversed_period_is_a_400_naming_the_parameter() {
    given()
        .queryParam("to", "2026-04-30")
        .get("/activity-kpis")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("from"));
    given()
        .queryParam("from", "2026-04-01")
        .queryParam("to", "April")
        .get("/activity-kpis")
        .then()
        .statusCode(400)
        .body("errors.field", contains("to"));
    given()
        .queryParam("from", "2026-05-01")
        .queryParam("to", "2026-04-01")
        .get("/activity-kpis")
        .then()
        .statusCode(400)
        .body("errors.field", contains("from"));
  }
}
