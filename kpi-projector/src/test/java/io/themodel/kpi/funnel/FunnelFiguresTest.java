package io.themodel.kpi.funnel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.CompaniesMerged;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadReincluded;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadsMerged;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.RecycleKind;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hand-built event log of four journeys in January 2003, delivered in a shuffled order, and the
 * figures it must give.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_test"))
class FunnelFiguresTest {

  private static final String FROM = "2003-01-01T00:00:00Z";
  private static final String TO = "2003-02-01T00:00:00Z";
  private static final String AS_OF = "2003-12-31T00:00:00Z";
  private static final UUID L1 = UUID.randomUUID();
  private static final UUID L2 = UUID.randomUUID();
  private static final UUID L3 = UUID.randomUUID();
  private static final UUID L4 = UUID.randomUUID();
  private static final UUID L5 = UUID.randomUUID();
  private static final UUID L6 = UUID.randomUUID();
  private static final UUID L7 = UUID.randomUUID();
  private static final UUID L8 = UUID.randomUUID();
  private static boolean published;

  private record Timed(DomainEvent event, Instant at) {}

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static LeadCaptured captured(UUID lead, LeadSource source, String campaign) {
    return new LeadCaptured(
        lead, source, campaign, new Person("山田 太郎", "taro@example.co.jp", null, null), "PPT", true);
  }

  private static List<Timed> log() {
    UUID o1 = UUID.randomUUID();
    UUID o2 = UUID.randomUUID();
    UUID recycleCause = UUID.randomUUID();
    return List.of(
        // L1: the whole way to onboarded
        new Timed(captured(L1, LeadSource.INQUIRY, "web"), at("2003-01-01T00:00:00Z")),
        new Timed(TestEvents.marketingQualified(L1), at("2003-01-01T10:00:00Z")),
        new Timed(new TossedUp(L1, o1, "v1", null, "fs-tanaka"), at("2003-01-02T10:00:00Z")),
        new Timed(TestEvents.tossUpAccepted(L1, o1), at("2003-01-03T10:00:00Z")),
        new Timed(TestEvents.dealWon(L1, o1), at("2003-01-05T10:00:00Z")),
        new Timed(TestEvents.customerOnboarded(L1, o1), at("2003-01-06T10:00:00Z")),
        // L2: tossed up, rejected by field sales
        new Timed(captured(L2, LeadSource.INQUIRY, "web"), at("2003-01-01T00:00:00Z")),
        new Timed(TestEvents.marketingQualified(L2), at("2003-01-01T20:00:00Z")),
        new Timed(new TossedUp(L2, o2, "v1", null, "fs-sato"), at("2003-01-03T20:00:00Z")),
        new Timed(
            new TossUpRejected(L2, o2, "NO_BUDGET", "no budget after all", "fs-sato"),
            at("2003-01-04T20:00:00Z")),
        // L3: qualified, disqualified by IS, recycled (A), qualified again
        new Timed(captured(L3, LeadSource.SEMINAR, "spring"), at("2003-01-02T00:00:00Z")),
        new Timed(TestEvents.marketingQualified(L3), at("2003-01-03T06:00:00Z")),
        new Timed(new Disqualified(L3, "no budget", "is-suzuki"), at("2003-01-09T00:00:00Z")),
        new Timed(
            new LeadRecycled(
                L3, RecycleKind.A, recycleCause, "io.themodel.is.Disqualified.v1", "no budget"),
            at("2003-01-10T00:00:00Z")),
        new Timed(TestEvents.marketingQualified(L3), at("2003-01-20T00:00:00Z")),
        // L4: captured only
        new Timed(captured(L4, LeadSource.SEMINAR, "autumn"), at("2003-01-03T00:00:00Z")),
        // March: L5 excluded as a student; L6 excluded as a competitor, then re-included
        new Timed(captured(L5, LeadSource.DOWNLOAD, null), at("2003-03-01T00:00:00Z")),
        new Timed(
            new LeadExcluded(L5, ExclusionReason.STUDENT, "university domain"),
            at("2003-03-01T01:00:00Z")),
        new Timed(captured(L6, LeadSource.DOWNLOAD, null), at("2003-03-02T00:00:00Z")),
        new Timed(
            new LeadExcluded(L6, ExclusionReason.COMPETITOR, "competitor domain"),
            at("2003-03-02T01:00:00Z")),
        new Timed(
            new LeadReincluded(L6, "marketing-ops", "a partner, not a competitor"),
            at("2003-03-03T00:00:00Z")),
        // April: L8 is the same person as L7, qualified under both leads; Marketing merges L8
        // into L7, and their companies
        new Timed(captured(L7, LeadSource.SEMINAR, null), at("2003-04-01T00:00:00Z")),
        new Timed(captured(L8, LeadSource.WEB_FORM, null), at("2003-04-01T06:00:00Z")),
        new Timed(TestEvents.marketingQualified(L8), at("2003-04-01T12:00:00Z")),
        new Timed(TestEvents.marketingQualified(L7), at("2003-04-02T00:00:00Z")),
        new Timed(
            new LeadsMerged(L8, L7, UUID.randomUUID(), "marketing-ops", "registered twice"),
            at("2003-04-03T00:00:00Z")),
        new Timed(
            new CompaniesMerged(UUID.randomUUID(), UUID.randomUUID(), "marketing-ops", null),
            at("2003-04-03T00:00:00Z")));
  }

  @BeforeAll
  static void publishTheLogShuffled() {
    if (published) {
      return;
    }
    List<Timed> log = new ArrayList<>(log());
    Collections.shuffle(log, new Random(2003));
    TopicProbe topics = TopicProbe.onSharedBroker();
    for (Timed timed : log) {
      DomainEvent event = timed.event();
      topics.send(
          EventType.of(event).department().topic(),
          event.leadId() == null ? "company" : event.leadId().toString(),
          TestEvents.cloudEvent(event, UUID.randomUUID(), timed.at()));
    }
    published = true;
  }

  private static JsonPath funnel(String asOf) {
    return given()
        .queryParam("from", FROM)
        .queryParam("to", TO)
        .queryParam("asOf", asOf)
        .get("/funnel")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void awaitTheWholeLog() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonPath funnel = funnel(AS_OF);
              assertThat(funnel.getList("stages.reached", Integer.class))
                  .containsExactly(4, 1, 3, 0, 2, 1, 1, 1, 0, 0);
              assertThat(
                      given()
                          .get("/journeys/{id}/timeline", L3)
                          .then()
                          .extract()
                          .jsonPath()
                          .getList("events"))
                  .hasSize(5);
              assertThat(
                      given()
                          .get("/journeys/{id}/timeline", L2)
                          .then()
                          .extract()
                          .jsonPath()
                          .getList("events"))
                  .hasSize(4);
            });
  }

  @Test
  void each_stage_shows_conversion_to_the_next_and_the_median_and_p90_time_in_stage() {
    awaitTheWholeLog();
    JsonPath funnel = funnel(AS_OF);

    assertThat(funnel.getList("stages.stage", String.class))
        .containsExactly(
            "LEAD_CAPTURED",
            "NURTURING",
            "MQL",
            "IS_CONTACT",
            "TOSSED_UP",
            "VALID_OPPORTUNITY",
            "WON",
            "ONBOARDED",
            "RENEWED_OR_EXPANDED",
            "ADVOCATE");
    // L3's MQL came after its recycle to nurturing: a conversion from nurturing, and its first MQL
    // (before the recycle) went on to no later stage
    assertThat(funnel.getList("stages.convertedToNext", Integer.class))
        .containsExactly(3, 1, 2, 0, 1, 1, 1, 0, 0, 0);
    assertThat(funnel.getList("stages.conversionRate", String.class))
        .extracting(
            s ->
                s == null
                    ? "-"
                    : new java.math.BigDecimal(String.valueOf(s))
                        .stripTrailingZeros()
                        .toPlainString())
        .containsExactly("0.75", "1", "0.6667", "-", "0.5", "1", "1", "0", "-", "-");
    // captured → MQL took 10 h, 20 h and 30 h; MQL → toss-up 24 h and 48 h
    assertThat(funnel.getFloat("stages[0].medianHoursInStage")).isEqualTo(20f);
    assertThat(funnel.getFloat("stages[0].p90HoursInStage")).isEqualTo(28f);
    assertThat(funnel.getFloat("stages[2].medianHoursInStage")).isEqualTo(36f);
    assertThat(funnel.getFloat("stages[2].p90HoursInStage")).isEqualTo(45.6f);
    assertThat(funnel.getFloat("stages[5].medianHoursInStage")).isEqualTo(48f);
  }

  @Test
  void an_excluded_lead_counts_in_no_figure_and_a_reincluded_one_counts_again() {
    awaitTheWholeLog();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(march("2003-12-31T00:00:00Z")).isEqualTo(1)); // L6 only
    assertThat(march("2003-03-01T00:30:00Z")).isEqualTo(1); // L5, not yet excluded
    assertThat(march("2003-03-02T12:00:00Z")).isZero(); // both excluded
  }

  @Test
  void a_lead_merged_into_another_counts_once_from_the_merge_on_and_leaves_the_funnel() {
    awaitTheWholeLog();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(april("2003-12-31T00:00:00Z").getList("stages.reached", Integer.class))
                    .containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 0, 0)); // L7 only
    // before the merge both leads counted, each as an MQL
    assertThat(april("2003-04-02T12:00:00Z").getList("stages.reached", Integer.class))
        .containsExactly(2, 0, 2, 0, 0, 0, 0, 0, 0, 0);
    JsonPath balances =
        given()
            .queryParam("from", "2003-04-01T00:00:00Z")
            .queryParam("to", "2003-05-01T00:00:00Z")
            .queryParam("asOf", "2003-12-31T00:00:00Z")
            .get("/funnel/balances")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // L7 and L8 entered MQL in April; L8 left it, merged (EXITED)
    assertThat(balances.getInt("balances.find { it.state == 'MQL' }.in")).isEqualTo(2);
    assertThat(balances.getInt("balances.find { it.state == 'MQL' }.out")).isEqualTo(1);
    assertThat(balances.getInt("balances.find { it.state == 'EXITED' }.in")).isEqualTo(1);
  }

  private static JsonPath april(String asOf) {
    return given()
        .queryParam("from", "2003-04-01T00:00:00Z")
        .queryParam("to", "2003-05-01T00:00:00Z")
        .queryParam("asOf", asOf)
        .get("/funnel")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static int march(String asOf) {
    return given()
        .queryParam("from", "2003-03-01T00:00:00Z")
        .queryParam("to", "2003-04-01T00:00:00Z")
        .queryParam("asOf", asOf)
        .get("/funnel")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getInt("stages[0].reached");
  }

  @Test
  void as_of_an_earlier_instant_the_funnel_shows_only_what_had_happened_by_then() {
    awaitTheWholeLog();
    assertThat(funnel("2003-01-02T12:00:00Z").getList("stages.reached", Integer.class))
        .containsExactly(3, 0, 2, 0, 1, 0, 0, 0, 0, 0);
  }

  @Test
  void cohorts_by_source_and_by_capture_month_count_the_stages_their_journeys_reached() {
    awaitTheWholeLog();
    given()
        .queryParam("by", "SOURCE")
        .queryParam("from", FROM)
        .queryParam("to", TO)
        .queryParam("asOf", AS_OF)
        .get("/funnel/cohorts")
        .then()
        .statusCode(200)
        .body("cohorts.cohort", contains("INQUIRY", "SEMINAR"))
        .body("cohorts[0].stages.LEAD_CAPTURED", equalTo(2))
        .body("cohorts[0].stages.WON", equalTo(1))
        .body("cohorts[1].stages.LEAD_CAPTURED", equalTo(2))
        .body("cohorts[1].stages.MQL", equalTo(1))
        .body("cohorts[1].stages.TOSSED_UP", equalTo(0));
    given()
        .queryParam("by", "CAPTURE_MONTH")
        .queryParam("from", FROM)
        .queryParam("to", TO)
        .queryParam("asOf", AS_OF)
        .get("/funnel/cohorts")
        .then()
        .body("cohorts.cohort", contains("2003-01"))
        .body("cohorts[0].stages.LEAD_CAPTURED", equalTo(4));
    given()
        .queryParam("by", "ZODIAC")
        .get("/funnel/cohorts")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("by"));
  }

  @Test
  void recycled_leads_are_counted_by_kind_and_reason_and_compared_with_fresh_leads() {
    awaitTheWholeLog();
    JsonPath recycle =
        given()
            .queryParam("from", FROM)
            .queryParam("to", TO)
            .queryParam("asOf", AS_OF)
            .get("/recycle")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(recycle.getList("flows.kind", String.class)).containsExactly("A");
    assertThat(recycle.getInt("flows[0].recycled")).isEqualTo(1);
    assertThat(recycle.getInt("flows[0].reasons.'no budget'")).isEqualTo(1);
    assertThat(recycle.getFloat("flows[0].reconversion.toMql")).isEqualTo(1f);
    assertThat(recycle.getFloat("flows[0].reconversion.toTossUp")).isEqualTo(0f);
    // fresh: L1, L2 and L4 (L3 was recycled)
    assertThat(recycle.getInt("freshLeads.leads")).isEqualTo(3);
    assertThat(recycle.getFloat("freshLeads.toMql")).isEqualTo(0.6667f);
    assertThat(recycle.getFloat("freshLeads.toWon")).isEqualTo(0.3333f);
  }

  @Test
  void every_count_opens_to_the_journeys_behind_it() {
    awaitTheWholeLog();
    given()
        .queryParam("stage", "MQL")
        .queryParam("from", FROM)
        .queryParam("to", TO)
        .queryParam("asOf", AS_OF)
        .get("/funnel/journeys")
        .then()
        .statusCode(200)
        .body("journeys.leadId", contains(L1.toString(), L2.toString(), L3.toString()))
        .body("journeys[2].nextReachedAt", nullValue());
    given().queryParam("stage", "NOWHERE").get("/funnel/journeys").then().statusCode(400);
    given()
        .queryParam("stage", "MQL")
        .queryParam("size", "fifty")
        .get("/funnel/journeys")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("size"));
  }

  @Test
  void a_journey_timeline_lists_its_events_in_order_without_personal_data() {
    awaitTheWholeLog();
    given()
        .get("/journeys/{id}/timeline", L3)
        .then()
        .statusCode(200)
        .body(
            "events.type",
            contains(
                "LeadCaptured",
                "MarketingQualified",
                "Disqualified",
                "LeadRecycled",
                "MarketingQualified"))
        .body("events[0].data", not(org.hamcrest.Matchers.hasKey("person")))
        .body("events[0].data.companyName", equalTo("PPT"));
    given().get("/journeys/{id}/timeline", UUID.randomUUID()).then().statusCode(404);
  }
}
