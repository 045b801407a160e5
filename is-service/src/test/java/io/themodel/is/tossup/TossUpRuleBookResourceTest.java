package io.themodel.is.tossup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.themodel.events.Department;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.is.TossUpOverridden;
import io.themodel.events.is.TossedUp;
import io.themodel.is.calllist.CallListFixture;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rule book in a database of its own: once a version is active, every toss-up in this
 * application is checked, so the foundation's tests (which need none) run against another one.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_rules_test"))
class TossUpRuleBookResourceTest {

  private static final String CONDITIONS =
      "\"conditions\": ["
          + "{\"field\": \"EMPLOYEES\", \"min\": 100},"
          + "{\"field\": \"BANT\", \"values\": [\"NEED\"]},"
          + "{\"field\": \"SCORE_BAND\", \"values\": [\"MQL_HIGH\", \"SQL\"]}],"
          + "\"exclusions\": [{\"field\": \"INDUSTRY\", \"values\": [\"EDUCATION\"]}]";

  private final CallListFixture fixture = new CallListFixture();

  private static ValidatableResponse createVersion(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/toss-up-rules").then();
  }

  private static ValidatableResponse activate(String version) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"activatedBy\": \"is-manager\"}")
        .post("/toss-up-rules/{v}/activation", version)
        .then();
  }

  private static String newVersion() {
    String version = "2026." + UUID.randomUUID().toString().substring(0, 8);
    createVersion(
            "{\"version\": \"" + version + "\", " + CONDITIONS + ", \"createdBy\": \"is-manager\"}")
        .statusCode(201);
    return version;
  }

  private static void put(String path, UUID leadId, String body) {
    given().contentType(ContentType.JSON).body(body).put(path, leadId).then().statusCode(200);
  }

  private static ValidatableResponse evaluate(UUID leadId) {
    return given().get("/call-list/{id}/toss-up-evaluation", leadId).then();
  }

  private static ValidatableResponse tossUp(UUID leadId, String body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/call-list/{id}/toss-up", leadId)
        .then();
  }

  private UUID leadWithNeedAndEmployees(int employees) {
    UUID leadId = fixture.leadOnTheCallList();
    put(
        "/call-list/{id}/bant",
        leadId,
        "{\"budget\": false, \"authority\": false, \"need\": true, \"timeline\": false,"
            + " \"rep\": \"is-suzuki\"}");
    put(
        "/call-list/{id}/company-profile",
        leadId,
        "{\"employees\": " + employees + ", \"industry\": \"IT\", \"rep\": \"is-suzuki\"}");
    return leadId;
  }

  @Test
  void a_version_with_a_bad_condition_is_a_422_naming_the_condition() {
    createVersion(
            "{\"version\": \"bad-1\", \"conditions\": [{\"field\": \"BANT\", \"values\": [\"NEED\"]},"
                + " {\"field\": \"SCORE_BAND\", \"values\": [\"GOLD\"]}], \"createdBy\": \"m\"}")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", contains("conditions[1].values[0]"));
    createVersion(
            "{\"version\": \"bad-2\", \"conditions\": [{\"field\": \"EMPLOYEES\"}],"
                + " \"exclusions\": [], \"createdBy\": \"m\"}")
        .statusCode(422)
        .body("errors.field", contains("conditions[0]"));
    given().get("/toss-up-rules/{v}", "bad-1").then().statusCode(404);
  }

  @Test
  void a_version_without_its_author_or_with_a_bad_name_is_a_400_naming_the_field() {
    createVersion("{\"version\": \"no author\", " + CONDITIONS + "}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("createdBy", "version"));
  }

  @Test
  void versions_are_written_once_and_one_is_active_at_a_time() {
    String first = newVersion();
    String second = newVersion();
    createVersion("{\"version\": \"" + first + "\", " + CONDITIONS + ", \"createdBy\": \"m\"}")
        .statusCode(409)
        .contentType("application/problem+json");

    activate(first).statusCode(200).body("active", equalTo(true));
    activate(second).statusCode(200).body("version", equalTo(second));
    given().get("/toss-up-rules/{v}", first).then().statusCode(200).body("active", equalTo(false));
    given()
        .get("/toss-up-rules")
        .then()
        .statusCode(200)
        .body("findAll { it.active }.version", contains(second))
        .body("version", hasItem(first));
    activate("never-written").statusCode(404).contentType("application/problem+json");
  }

  @Test
  void a_lead_that_meets_the_active_version_passes_and_its_toss_up_records_the_version() {
    String version = newVersion();
    activate(version).statusCode(200);
    UUID leadId = leadWithNeedAndEmployees(300);

    evaluate(leadId)
        .statusCode(200)
        .body("ruleVersion", equalTo(version))
        .body("passed", equalTo(true))
        .body("decidedBy.condition", contains("conditions[0]", "conditions[1]", "conditions[2]"));

    tossUp(leadId, "{\"assignedRep\": \"fs-tanaka\"}")
        .statusCode(201)
        .body("ruleVersion", equalTo(version))
        .body("overridden", equalTo(false));
    assertThat(fixture.awaitPublished(leadId, TossedUp.class).ruleVersion()).isEqualTo(version);
  }

  @Test
  void a_lead_the_active_version_fails_needs_an_override_reason_which_is_published() {
    String version = newVersion();
    activate(version).statusCode(200);
    UUID leadId = leadWithNeedAndEmployees(20);

    evaluate(leadId)
        .statusCode(200)
        .body("passed", equalTo(false))
        .body("decidedBy.condition", contains("conditions[0]"))
        .body("decidedBy[0].detail", equalTo("employees 20 against min 100: false"));

    tossUp(leadId, "{\"assignedRep\": \"fs-tanaka\"}")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", contains("overrideReason"));
    tossUp(
            leadId,
            "{\"assignedRep\": \"fs-tanaka\", \"overrideReason\": \"group company of a customer\"}")
        .statusCode(201)
        .body("overridden", equalTo(true))
        .body("failedConditions", contains("conditions[0] EMPLOYEES"));

    TossUpOverridden overridden = fixture.awaitPublished(leadId, TossUpOverridden.class);
    assertThat(overridden.ruleVersion()).isEqualTo(version);
    assertThat(overridden.failedConditions()).isEqualTo(List.of("conditions[0] EMPLOYEES"));
    assertThat(overridden.reason()).isEqualTo("group company of a customer");
    assertThat(fixture.publishedTypes(leadId)).endsWith("TossedUp", "TossUpOverridden");
  }

  @Test
  void an_excluded_industry_fails_a_lead_that_meets_every_condition() {
    String version = newVersion();
    activate(version).statusCode(200);
    UUID leadId = leadWithNeedAndEmployees(300);
    put(
        "/call-list/{id}/company-profile",
        leadId,
        "{\"employees\": 300, \"industry\": \"EDUCATION\", \"rep\": \"is-suzuki\"}");

    evaluate(leadId)
        .statusCode(200)
        .body("passed", equalTo(false))
        .body("decidedBy.condition", contains("exclusions[0]"));
  }

  @Test
  void a_company_profile_with_negative_employees_is_a_400_naming_the_field() {
    UUID leadId = fixture.leadOnTheCallList();
    given()
        .contentType(ContentType.JSON)
        .body("{\"employees\": -5, \"rep\": \"is-suzuki\"}")
        .put("/call-list/{id}/company-profile", leadId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("employees"));
  }

  @Test
  void evaluating_a_lead_not_on_the_list_is_a_404() {
    evaluate(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
  }

  @Test
  void a_busy_field_rep_gets_only_surer_leads_and_the_evaluation_names_the_load_band() {
    String version = newVersion();
    activate(version).statusCode(200);
    UUID leadId = leadWithNeedAndEmployees(300); // one BANT item met: the need
    String busy = "fs-busy-" + UUID.randomUUID();
    for (int i = 0; i < 6; i++) {
      UUID lead = UUID.randomUUID();
      fixture
          .topics()
          .send(
              Department.DEAL.topic(),
              lead.toString(),
              TestEvents.cloudEvent(
                  new OpportunityOpened(
                      lead, UUID.randomUUID(), OpportunityKind.NEW_BUSINESS, busy, null)));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("rep", busy)
                    .get("/toss-up-outcomes")
                    .then()
                    .body("[0].openDeals", equalTo(6)));

    given()
        .queryParam("assignedRep", busy)
        .get("/call-list/{id}/toss-up-evaluation", leadId)
        .then()
        .statusCode(200)
        .body("passed", equalTo(false))
        .body("capacity.openDeals", equalTo(6))
        .body("capacity.loadBand", equalTo("normal"))
        .body("capacity.minBantItems", equalTo(2))
        .body("decidedBy.condition", contains("capacity"));
    given()
        .queryParam("assignedRep", "fs-free-" + UUID.randomUUID())
        .get("/call-list/{id}/toss-up-evaluation", leadId)
        .then()
        .statusCode(200)
        .body("passed", equalTo(true))
        .body("capacity.openDeals", equalTo(0))
        .body("capacity.loadBand", equalTo("light"));
    tossUp(leadId, "{\"assignedRep\": \"" + busy + "\"}")
        .statusCode(422)
        .body("errors.field", contains("overrideReason"));
  }
}
