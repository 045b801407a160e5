package io.themodel.lead.scoring;

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
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.ScoreBand;
import io.themodel.lead.AdjustableClock;
import io.themodel.lead.LeadRequests;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class ScoringTest {

  private static final String TOPIC = Department.LEAD.topic();
  private final TopicProbe topic = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  @Inject ScoreDecay decay;

  @AfterEach
  void backToNow() {
    AdjustableClock.reset();
  }

  private static UUID capture(String source, String title) {
    String body =
        """
        {"source": "%s", "person": {"name": "高橋 三郎", "email": "%s@score.example",
         "title": "%s"}, "companyName": "株式会社スコア", "consent": true}
        """
            .formatted(source, UUID.randomUUID(), title);
    return LeadRequests.capture(body);
  }

  private static void activity(UUID leadId, String body, int status) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/leads/{id}/activities", leadId)
        .then()
        .statusCode(status);
  }

  private List<LeadScored> scoresOf(UUID leadId) {
    return topic.eventsOf(TOPIC, leadId).stream()
        .filter(e -> e.type().contains("LeadScored"))
        .map(e -> (LeadScored) codec.decode(e))
        .toList();
  }

  @Test
  void behaviour_adds_its_configured_weight_and_crossing_the_hand_off_band_makes_an_mql() {
    UUID leadId = capture("SEMINAR", "エンジニア");

    activity(leadId, "{\"type\": \"SEMINAR_ATTENDED\"}", 200);
    activity(leadId, "{\"type\": \"PAGE_VIEW\", \"count\": 5}", 200);
    given()
        .get("/leads/{id}", leadId)
        .then()
        .body("score", equalTo(35))
        .body("stage", equalTo("CAPTURED"));
    activity(leadId, "{\"type\": \"DOWNLOAD\", \"count\": 2}", 200);

    CloudEvent mql =
        topic.awaitEvent(
            TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("MarketingQualified"));
    MarketingQualified qualified = (MarketingQualified) codec.decode(mql);
    assertThat(qualified.band()).isEqualTo(ScoreBand.MQL_HIGH);
    assertThat(qualified.priority()).isEqualTo(2); // the seminar source's follow-up
    assertThat(scoresOf(leadId))
        .extracting(LeadScored::delta, LeadScored::score, LeadScored::reason, LeadScored::band)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(30, 30, "SEMINAR_ATTENDED", ScoreBand.MQL_LOW),
            org.assertj.core.groups.Tuple.tuple(5, 35, "PAGE_VIEW", ScoreBand.MQL_LOW),
            org.assertj.core.groups.Tuple.tuple(20, 55, "DOWNLOAD", ScoreBand.MQL_HIGH));
    given()
        .get("/leads/{id}", leadId)
        .then()
        .body("stage", equalTo("MQL"))
        .body("band", equalTo("MQL_HIGH"));
    // more behaviour after the hand-off scores, but does not hand the lead over twice
    activity(leadId, "{\"type\": \"INQUIRY\"}", 200);
    given()
        .get("/leads/{id}", leadId)
        .then()
        .body("score", equalTo(105))
        .body("band", equalTo("SQL"));
  }

  @Test
  void the_role_adds_fit_at_capture() {
    UUID leadId = capture("DOWNLOAD", "情報システム部 部長");

    topic.awaitEvent(TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("LeadScored"));
    assertThat(scoresOf(leadId))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.reason()).isEqualTo("FIT_ROLE");
              assertThat(s.score()).isEqualTo(20);
            });
  }

  @Test
  void an_idle_score_decays_once_per_period_by_the_configured_points() {
    UUID leadId = capture("SEMINAR", "エンジニア");
    activity(leadId, "{\"type\": \"SEMINAR_ATTENDED\"}", 200);

    decay.decay();
    given().get("/leads/{id}", leadId).then().body("score", equalTo(30));

    AdjustableClock.advance(Duration.ofDays(31));
    decay.decay();
    decay.decay();

    given().get("/leads/{id}", leadId).then().body("score", equalTo(25));
    topic.awaitEvent(
        TOPIC, e -> leadId.equals(e.leadid()) && e.data().path("reason").asText().equals("DECAY"));
    assertThat(scoresOf(leadId))
        .filteredOn(s -> s.reason().equals("DECAY"))
        .singleElement()
        .satisfies(s -> assertThat(s.delta()).isEqualTo(-5));
  }

  @Test
  void an_excluded_lead_is_scored_but_never_handed_over() {
    UUID leadId = capture("INQUIRY", "student");

    activity(leadId, "{\"type\": \"INQUIRY\", \"count\": 3}", 200);

    given()
        .get("/leads/{id}", leadId)
        .then()
        .body("score", equalTo(150))
        .body("stage", equalTo("CAPTURED"))
        .body("excluded", equalTo(true));
  }

  @Test
  void bad_activities_are_400s_naming_the_field_and_an_unknown_lead_is_a_404() {
    UUID leadId = capture("SEMINAR", "エンジニア");
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"TELEPATHY\"}")
        .post("/leads/{id}/activities", leadId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("type"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"PAGE_VIEW\", \"count\": 0}")
        .post("/leads/{id}/activities", leadId)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("count"));
    activity(UUID.randomUUID(), "{\"type\": \"PAGE_VIEW\"}", 404);
  }

  @Test
  void the_company_size_and_industry_known_at_capture_and_from_inside_sales_score_fit() {
    UUID leadId = LeadRequests.capture(withCompany("{\"employees\": 450, \"industry\": \"製造業\"}"));
    given().get("/leads/{id}", leadId).then().body("score", equalTo(20));

    topic.send(
        Department.IS.topic(),
        leadId.toString(),
        TestEvents.cloudEvent(
            new ProspectProfiled(leadId, null, 1200, "製造業", null, "is-suzuki"),
            UUID.randomUUID(),
            Instant.now()));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> given().get("/leads/{id}", leadId).then().body("score", equalTo(30)));
    topic.awaitEvent(TOPIC, e -> leadId.equals(e.leadid()) && e.data().path("score").asInt() == 30);
    assertThat(scoresOf(leadId))
        .extracting(LeadScored::delta, LeadScored::score, LeadScored::reason, LeadScored::band)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10, 10, "FIT_COMPANY_SIZE", ScoreBand.MQL_LOW),
            org.assertj.core.groups.Tuple.tuple(10, 20, "FIT_INDUSTRY", ScoreBand.MQL_LOW),
            org.assertj.core.groups.Tuple.tuple(10, 30, "FIT_COMPANY_SIZE", ScoreBand.MQL_LOW));
  }

  @Test
  void a_company_without_employees_is_a_400_naming_the_field() {
    given()
        .contentType(ContentType.JSON)
        .body(withCompany("{\"employees\": 0}"))
        .post("/leads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("company.employees"));
  }

  /** A lead of an engineer whose company the source describes. */
  private static String withCompany(String company) {
    return """
        {"source": "DOWNLOAD", "person": {"name": "小林 六郎", "email": "%s@fit.example",
         "title": "エンジニア"}, "companyName": "株式会社フィット", "consent": true, "company": %s}
        """
        .formatted(UUID.randomUUID(), company);
  }
}
