package io.themodel.kpi.department;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.events.Money;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TargetSet;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.success.AdvocateMarked;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ContractExpanded;
import io.themodel.events.success.CustomerOnboarded;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.events.success.HealthBand;
import io.themodel.events.success.HealthScored;
import io.themodel.events.success.Renewed;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hand-built quarter of six journeys in 2005, delivered shuffled through the real broker, and
 * every department's KPIs, the KGI against target, the plan worked back from the target and the
 * stage balances it must give.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_kpis_test"))
class KpiFiguresTest {

  private static final String JANUARY = "2005-01-01T00:00:00Z";
  private static final String FEBRUARY = "2005-02-01T00:00:00Z";
  private static final String APRIL = "2005-04-01T00:00:00Z";
  private static final String LATER = "2005-12-31T00:00:00Z";
  private static final UUID K1 = UUID.randomUUID();
  private static final UUID K2 = UUID.randomUUID();
  private static final UUID K3 = UUID.randomUUID();
  private static final UUID K4 = UUID.randomUUID();
  private static final UUID K5 = UUID.randomUUID();
  private static final UUID K6 = UUID.randomUUID();
  private static final UUID O1 = UUID.randomUUID();
  private static final UUID O2 = UUID.randomUUID();
  private static final UUID O3 = UUID.randomUUID();
  private static final UUID O4 = UUID.randomUUID();
  private static final UUID O6 = UUID.randomUUID();
  private static final UUID A1 = UUID.randomUUID();
  private static final UUID E1 = UUID.randomUUID();
  private static final UUID A6 = UUID.randomUUID();
  private static final UUID F1 = UUID.randomUUID();
  private static final UUID F2 = UUID.randomUUID();
  private static final UUID F3 = UUID.randomUUID();
  private static final UUID F4 = UUID.randomUUID();
  private static boolean published;
  private static boolean applied;

  private record Timed(DomainEvent event, String at) {}

  private static Money yen(long amount) {
    return new Money(BigDecimal.valueOf(amount), "JPY");
  }

  private static LeadCaptured captured(UUID lead, LeadSource source) {
    return new LeadCaptured(
        lead, source, null, new Person("佐藤 花子", "hanako@example.co.jp", null, null), "PPT", true);
  }

  private static CallLogged call(UUID lead, CallOutcome outcome, String rep) {
    return new CallLogged(lead, outcome, rep, null, null);
  }

  private static DealStageChanged stage(UUID lead, UUID opportunity, long amount, int p, String c) {
    return new DealStageChanged(
        lead,
        opportunity,
        DealStage.FIRST_PROPOSAL,
        DealStage.MAIN_PROPOSAL,
        yen(amount),
        LocalDate.parse(c),
        p,
        List.of(),
        "fs");
  }

  private static CustomerOnboarded onboarded(UUID lead, UUID account, UUID opportunity, long v) {
    return new CustomerOnboarded(
        lead, account, opportunity, yen(v), LocalDate.parse("2005-02-01"), 12);
  }

  private static List<Timed> log() {
    return List.of(
        // K1 (inquiry): nurtured, qualified, three calls, won 1.2 M¥, onboarded, renewed, advocate
        new Timed(captured(K1, LeadSource.INQUIRY), "2005-01-01T00:00:00Z"),
        new Timed(
            new LeadTouched(K1, UUID.randomUUID(), LeadSource.SEMINAR, "spring"),
            "2005-01-02T00:00:00Z"),
        new Timed(TestEvents.marketingQualified(K1), "2005-01-03T00:00:00Z"),
        new Timed(call(K1, CallOutcome.NO_ANSWER, "is-a"), "2005-01-04T00:00:00Z"),
        new Timed(call(K1, CallOutcome.CONNECTED_RECEPTION, "is-a"), "2005-01-05T00:00:00Z"),
        new Timed(call(K1, CallOutcome.CONTACTED_KEY_PERSON, "is-a"), "2005-01-06T00:00:00Z"),
        new Timed(
            new ProspectProfiled(K1, yen(5_000_000_000L), 120, "IT", null, "is-a"),
            "2005-01-06T01:00:00Z"),
        new Timed(new TossedUp(K1, O1, "v1", "wants a demo", "fs-x"), "2005-01-07T00:00:00Z"),
        new Timed(
            new OpportunityOpened(K1, O1, OpportunityKind.NEW_BUSINESS, "fs-x", null),
            "2005-01-07T01:00:00Z"),
        new Timed(TestEvents.tossUpAccepted(K1, O1), "2005-01-08T00:00:00Z"),
        new Timed(stage(K1, O1, 1_000_000, 50, "2005-03-15"), "2005-01-10T00:00:00Z"),
        new Timed(
            new DealWon(K1, O1, yen(1_200_000), LocalDate.parse("2005-02-01"), 12),
            "2005-01-20T00:00:00Z"),
        new Timed(onboarded(K1, A1, O1, 1_200_000), "2005-01-25T00:00:00Z"),
        new Timed(
            new HealthScored(
                K1,
                A1,
                LocalDate.parse("2005-02-01"),
                80,
                HealthBand.HEALTHY,
                new HealthScored.Components(80, 80, 80, 80)),
            "2005-02-01T00:00:00Z"),
        new Timed(
            new Renewed(K1, A1, LocalDate.parse("2006-02-01"), 12, yen(1_200_000)),
            "2005-03-01T00:00:00Z"),
        new Timed(
            new ExpansionIdentified(K1, A1, E1, OpportunityKind.UPSELL, yen(500_000), null),
            "2005-03-02T00:00:00Z"),
        // won for less than estimated (the expansion's own DealWon is left out: the field sales
        // figures stay those of the new business)
        new Timed(
            new ContractExpanded(K1, A1, E1, yen(450_000), yen(1_650_000)), "2005-03-04T00:00:00Z"),
        new Timed(
            new AdvocateMarked(K1, A1, "cs-m", "spoke at our seminar"), "2005-03-05T00:00:00Z"),
        // K2 (seminar): contacted, accepted, lost on price in February
        new Timed(captured(K2, LeadSource.SEMINAR), "2005-01-02T00:00:00Z"),
        new Timed(TestEvents.marketingQualified(K2), "2005-01-03T00:00:00Z"),
        new Timed(call(K2, CallOutcome.CONTACTED_KEY_PERSON, "is-b"), "2005-01-04T00:00:00Z"),
        new Timed(new TossedUp(K2, O2, "v1", null, "fs-y"), "2005-01-05T00:00:00Z"),
        new Timed(
            new OpportunityOpened(K2, O2, OpportunityKind.NEW_BUSINESS, "fs-y", null),
            "2005-01-05T01:00:00Z"),
        new Timed(TestEvents.tossUpAccepted(K2, O2), "2005-01-06T00:00:00Z"),
        new Timed(stage(K2, O2, 2_000_000, 40, "2005-02-20"), "2005-01-09T00:00:00Z"),
        new Timed(new DealLost(K2, O2, "PRICE", "Rival KK", null), "2005-02-10T00:00:00Z"),
        // K3 (seminar): wrong number, tossed up anyway, rejected, disqualified, Recycle A
        new Timed(captured(K3, LeadSource.SEMINAR), "2005-01-03T00:00:00Z"),
        new Timed(TestEvents.marketingQualified(K3), "2005-01-04T00:00:00Z"),
        new Timed(call(K3, CallOutcome.WRONG_NUMBER, "is-b"), "2005-01-05T00:00:00Z"),
        new Timed(new TossedUp(K3, O3, "v1", "budget approved", "fs-y"), "2005-01-06T00:00:00Z"),
        new Timed(
            new TossUpRejected(K3, O3, "NO_BUDGET", "no budget yet", "fs-y"),
            "2005-01-07T00:00:00Z"),
        new Timed(new Disqualified(K3, "no budget", "is-b"), "2005-01-08T00:00:00Z"),
        new Timed(
            new LeadRecycled(K3, RecycleKind.A, UUID.randomUUID(), "Disqualified", "no budget"),
            "2005-01-09T00:00:00Z"),
        // K4 (inquiry): contacted, accepted, still open: 3 M¥ at 60 % closing in February
        new Timed(captured(K4, LeadSource.INQUIRY), "2005-01-04T00:00:00Z"),
        new Timed(TestEvents.marketingQualified(K4), "2005-01-05T00:00:00Z"),
        new Timed(call(K4, CallOutcome.CONTACTED_KEY_PERSON, "is-a"), "2005-01-06T00:00:00Z"),
        new Timed(new TossedUp(K4, O4, "v1", null, "fs-y"), "2005-01-07T00:00:00Z"),
        new Timed(
            new OpportunityOpened(K4, O4, OpportunityKind.NEW_BUSINESS, "fs-y", null),
            "2005-01-07T01:00:00Z"),
        new Timed(TestEvents.tossUpAccepted(K4, O4), "2005-01-08T00:00:00Z"),
        new Timed(stage(K4, O4, 3_000_000, 60, "2005-02-28"), "2005-01-09T00:00:00Z"),
        // K5 (download): a student, excluded
        new Timed(captured(K5, LeadSource.DOWNLOAD), "2005-01-05T00:00:00Z"),
        new Timed(
            new LeadExcluded(K5, ExclusionReason.STUDENT, "university"), "2005-01-05T01:00:00Z"),
        // K6 (inquiry): won 0.8 M¥ fast, onboarded, at risk, churned in March
        new Timed(captured(K6, LeadSource.INQUIRY), "2005-01-01T00:00:00Z"),
        new Timed(TestEvents.marketingQualified(K6), "2005-01-02T00:00:00Z"),
        new Timed(call(K6, CallOutcome.CONTACTED_KEY_PERSON, "is-a"), "2005-01-03T00:00:00Z"),
        new Timed(new TossedUp(K6, O6, "v1", null, "fs-x"), "2005-01-04T00:00:00Z"),
        new Timed(
            new OpportunityOpened(K6, O6, OpportunityKind.NEW_BUSINESS, "fs-x", null),
            "2005-01-04T01:00:00Z"),
        new Timed(TestEvents.tossUpAccepted(K6, O6), "2005-01-08T00:00:00Z"),
        new Timed(
            new DealWon(K6, O6, yen(800_000), LocalDate.parse("2005-02-01"), 12),
            "2005-01-10T00:00:00Z"),
        new Timed(onboarded(K6, A6, O6, 800_000), "2005-01-12T00:00:00Z"),
        new Timed(
            new HealthScored(
                K6,
                A6,
                LocalDate.parse("2005-02-01"),
                20,
                HealthBand.AT_RISK,
                new HealthScored.Components(20, 20, 20, 20)),
            "2005-02-01T00:00:00Z"),
        new Timed(new Churned(K6, A6, "budget cut"), "2005-03-10T00:00:00Z"),
        // Field Sales' targets
        new Timed(
            new TargetSet("2005-Q1", null, null, yen(5_000_000), "vp"), "2004-12-20T00:00:00Z"),
        new Timed(
            new TargetSet("2005-01", null, null, yen(2_000_000), "vp"), "2004-12-20T00:00:00Z"),
        new Timed(
            new TargetSet("2005-Q1", "east", null, yen(9_999_999), "vp"), "2004-12-21T00:00:00Z"),
        new Timed(
            new TargetSet("2005-Q2", null, null, yen(6_000_000), "vp"), "2005-03-25T00:00:00Z"),
        // The reverse feedback loop
        new Timed(
            feedback(
                F1,
                Department.SUCCESS,
                FeedbackParty.FIELD_SALES,
                K1,
                FeedbackCategory.CUSTOMER_EXPECTATIONS),
            "2005-01-26T00:00:00Z"),
        new Timed(
            new FeedbackAcknowledged(F1, Department.DEAL, K1, "fs-x", null),
            "2005-01-27T00:00:00Z"),
        new Timed(
            new FeedbackActedOn(F1, Department.DEAL, K1, "fs-x", "demo script changed"),
            "2005-02-01T00:00:00Z"),
        new Timed(
            feedback(
                F2,
                Department.DEAL,
                FeedbackParty.INSIDE_SALES,
                K3,
                FeedbackCategory.TOSS_UP_QUALITY),
            "2005-01-07T12:00:00Z"),
        new Timed(
            new FeedbackAcknowledged(F2, Department.IS, K3, "is-b", "will check budget"),
            "2005-01-08T00:00:00Z"),
        new Timed(
            feedback(F3, Department.IS, FeedbackParty.MARKETING, K2, FeedbackCategory.TARGETING),
            "2005-01-10T00:00:00Z"),
        new Timed(
            feedback(
                F4, Department.SUCCESS, FeedbackParty.PRODUCT, null, FeedbackCategory.PRODUCT_GAP),
            "2005-01-28T00:00:00Z"));
  }

  private static FeedbackGiven feedback(
      UUID id, Department from, FeedbackParty to, UUID lead, FeedbackCategory category) {
    return new FeedbackGiven(id, from, to, lead, null, category, "about", "what we saw", "someone");
  }

  @BeforeAll
  static void publishTheLogShuffled() {
    if (published) {
      return;
    }
    List<Timed> log = new ArrayList<>(log());
    Collections.shuffle(log, new Random(2005));
    TopicProbe topics = TopicProbe.onSharedBroker();
    for (Timed timed : log) {
      DomainEvent event = timed.event();
      String key = event instanceof TargetSet ? "target" : TestEvents.journeyKey(event);
      topics.send(
          EventType.departmentOf(event).topic(),
          key,
          TestEvents.cloudEvent(event, UUID.randomUUID(), Instant.parse(timed.at())));
    }
    published = true;
  }

  /** Waits (once) until every event of the log has been applied. */
  private static void awaitTheWholeLog() {
    if (applied) {
      return;
    }
    Map<UUID, Long> perJourney =
        log().stream()
            .filter(t -> t.event().leadId() != null)
            .collect(
                java.util.stream.Collectors.groupingBy(
                    t -> t.event().leadId(), java.util.stream.Collectors.counting()));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (Department department : Department.values()) {
                assertThat(TopicProbe.onSharedBroker().records(department.deadLetterTopic()))
                    .extracting(r -> r.value() + " " + r.headers())
                    .as("dead letters")
                    .isEmpty();
              }
              perJourney.forEach(
                  (lead, events) ->
                      assertThat(
                              given()
                                  .get("/journeys/{id}/timeline", lead)
                                  .then()
                                  .extract()
                                  .jsonPath()
                                  .getList("events"))
                          .hasSize(events.intValue()));
              JsonPath q1 = kgi("2005-Q1", LATER);
              assertThat(decimal(q1.get("months[0].target"))).isEqualTo("2000000");
              assertThat(kgi("2005-Q2", LATER).getString("total.target")).isNotNull();
              assertThat(
                      get("/feedback-loop", JANUARY, FEBRUARY, LATER)
                          .getList("directions.given", Integer.class))
                  .containsExactly(1, 1, 1, 1);
              assertThat(
                      get("/feedback-loop", JANUARY, FEBRUARY, LATER)
                          .getList("directions.acknowledged", Integer.class))
                  .containsExactly(1, 0, 1, 0);
              assertThat(
                      get("/feedback-loop", JANUARY, FEBRUARY, LATER)
                          .getList("directions.actedOn", Integer.class))
                  .containsExactly(1, 0, 0, 0);
            });
    applied = true;
  }

  private static JsonPath get(String path, String from, String to, String asOf) {
    return given()
        .queryParam("from", from)
        .queryParam("to", to)
        .queryParam("asOf", asOf)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath kgi(String period, String asOf) {
    return given()
        .queryParam("period", period)
        .queryParam("asOf", asOf)
        .get("/kgi")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath balances(String from, String to) {
    return get("/funnel/balances", from, to, LATER);
  }

  private static String decimal(Object value) {
    return value == null
        ? null
        : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
  }

  @Test
  void marketing_counts_leads_mqls_and_wins_by_source_without_excluded_leads() {
    awaitTheWholeLog();
    JsonPath m = get("/kpis/marketing", JANUARY, FEBRUARY, LATER);
    assertThat(m.getInt("figures.leads")).isEqualTo(5);
    assertThat(m.getInt("figures.excluded")).isEqualTo(1);
    assertThat(m.getInt("figures.nurtured")).isEqualTo(2); // K1 touched, K3 recycled
    assertThat(m.getInt("figures.mqls")).isEqualTo(5);
    assertThat(m.getInt("figures.won")).isEqualTo(2);
    assertThat(m.getInt("figures.bySource.INQUIRY.leads")).isEqualTo(3);
    assertThat(m.getInt("figures.bySource.INQUIRY.won")).isEqualTo(2);
    assertThat(m.getInt("figures.bySource.SEMINAR.leads")).isEqualTo(2);
    assertThat(m.getInt("figures.bySource.SEMINAR.won")).isZero();
    assertThat(m.getMap("figures.bySource")).doesNotContainKey("DOWNLOAD");
  }

  @Test
  void inside_sales_shows_its_activity_funnel_with_the_rate_of_each_step() {
    awaitTheWholeLog();
    JsonPath is = get("/kpis/inside-sales", JANUARY, FEBRUARY, LATER);
    assertThat(is.getInt("figures.calls")).isEqualTo(7);
    assertThat(is.getInt("figures.connects")).isEqualTo(5);
    assertThat(is.getInt("figures.contacts")).isEqualTo(4);
    assertThat(is.getInt("figures.contactedLeads")).isEqualTo(4);
    assertThat(is.getInt("figures.nurturing")).isEqualTo(1);
    assertThat(is.getInt("figures.opportunities")).isEqualTo(5);
    assertThat(is.getInt("figures.validOpportunities")).isEqualTo(4);
    assertThat(is.getInt("figures.rejected")).isEqualTo(1);
    assertThat(is.getInt("figures.disqualified")).isEqualTo(1);
    assertThat(decimal(is.get("figures.connectRate"))).isEqualTo("0.7143");
    assertThat(decimal(is.get("figures.contactRate"))).isEqualTo("0.8");
    assertThat(decimal(is.get("figures.validRate"))).isEqualTo("0.8");
    assertThat(is.getMap("figures.byRep.is-a"))
        .containsEntry("calls", 5)
        .containsEntry("contacts", 3);
    assertThat(is.getMap("figures.byRep.is-b"))
        .containsEntry("calls", 2)
        .containsEntry("connects", 1);
  }

  @Test
  void every_kpi_count_opens_to_the_events_behind_it() {
    awaitTheWholeLog();
    JsonPath calls =
        given()
            .queryParam("type", "CallLogged")
            .queryParam("rep", "is-a")
            .queryParam("from", JANUARY)
            .queryParam("to", FEBRUARY)
            .queryParam("asOf", LATER)
            .get("/facts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // the five calls behind is-a's count in the Inside Sales KPIs, in time order
    assertThat(calls.getList("facts.data.outcome"))
        .containsExactly(
            "CONTACTED_KEY_PERSON",
            "NO_ANSWER",
            "CONNECTED_RECEPTION",
            "CONTACTED_KEY_PERSON",
            "CONTACTED_KEY_PERSON");
    assertThat(calls.getList("facts.data", Map.class)).noneMatch(d -> d.containsKey("person"));
    JsonPath won =
        given().queryParam("type", "DealWon").queryParam("asOf", LATER).get("/facts").jsonPath();
    assertThat(won.getList("facts.leadId")).containsExactly(K6.toString(), K1.toString());
    given()
        .queryParam("type", "NoSuchEvent")
        .get("/facts")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("type"));
    given()
        .queryParam("type", "DealWon")
        .queryParam("leadId", "not-a-uuid")
        .get("/facts")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("leadId"));
    given()
        .queryParam("type", "DealWon")
        .queryParam("page", "second")
        .get("/facts")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("page"));
  }

  @Test
  void an_accounts_timeline_holds_the_whole_journey_that_led_to_it() {
    awaitTheWholeLog();
    JsonPath account =
        given().get("/accounts/{id}/timeline", A1).then().statusCode(200).extract().jsonPath();
    List<String> types = account.getList("events.type");
    assertThat(types).startsWith("LeadCaptured", "LeadTouched", "MarketingQualified");
    assertThat(types).contains("DealWon", "CustomerOnboarded", "Renewed", "AdvocateMarked");
    assertThat(types)
        .hasSize(given().get("/journeys/{id}/timeline", K1).jsonPath().getList("events").size());
    given().get("/accounts/{id}/timeline", UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void field_sales_shows_win_rate_cycle_time_revenue_pipeline_and_loss_reasons() {
    awaitTheWholeLog();
    JsonPath fs = get("/kpis/field-sales", JANUARY, APRIL, LATER);
    assertThat(fs.getInt("figures.validOpportunities")).isEqualTo(4);
    assertThat(fs.getInt("figures.won")).isEqualTo(2);
    assertThat(fs.getInt("figures.lost")).isEqualTo(1);
    assertThat(decimal(fs.get("figures.winRate"))).isEqualTo("0.6667");
    assertThat(decimal(fs.get("figures.medianCycleDays"))).isEqualTo("7");
    assertThat(decimal(fs.get("figures.wonRevenue.JPY"))).isEqualTo("2000000");
    assertThat(fs.getInt("figures.openPipeline")).isEqualTo(1);
    assertThat(decimal(fs.get("figures.pipelineValue.JPY"))).isEqualTo("3000000");
    assertThat(fs.getMap("figures.lossReasons")).isEqualTo(Map.of("PRICE", 1));
    assertThat(fs.getInt("figures.byRep.fs-x.won")).isEqualTo(2);
    assertThat(fs.getInt("figures.byRep.fs-y.lost")).isEqualTo(1);
    // as of mid-January only K6 had closed, and all four were still in the pipeline but K6
    JsonPath midJanuary = get("/kpis/field-sales", JANUARY, APRIL, "2005-01-15T00:00:00Z");
    assertThat(midJanuary.getInt("figures.won")).isEqualTo(1);
    assertThat(midJanuary.getInt("figures.openPipeline")).isEqualTo(3);
  }

  @Test
  void customer_success_shows_retention_churn_health_expansion_and_advocacy() {
    awaitTheWholeLog();
    JsonPath cs = get("/kpis/customer-success", JANUARY, APRIL, LATER);
    assertThat(cs.getInt("figures.onboarded")).isEqualTo(2);
    assertThat(cs.getInt("figures.activeCustomers")).isEqualTo(1);
    assertThat(cs.getInt("figures.renewed")).isEqualTo(1);
    assertThat(cs.getInt("figures.churned")).isEqualTo(1);
    assertThat(decimal(cs.get("figures.retentionRate"))).isEqualTo("0.5");
    assertThat(decimal(cs.get("figures.renewedValue.JPY"))).isEqualTo("1200000");
    assertThat(cs.getInt("figures.expansions")).isEqualTo(1);
    assertThat(decimal(cs.get("figures.expansionValue.JPY"))).isEqualTo("500000");
    assertThat(cs.getInt("figures.expansionsWon")).isEqualTo(1);
    assertThat(decimal(cs.get("figures.expansionWonValue.JPY"))).isEqualTo("450000");
    assertThat(cs.getInt("figures.advocates")).isEqualTo(1);
    assertThat(cs.getMap("figures.healthBands")).isEqualTo(Map.of("HEALTHY", 1));
    // before the churn both customers were active, one of them at risk
    JsonPath february = get("/kpis/customer-success", JANUARY, APRIL, "2005-02-15T00:00:00Z");
    assertThat(february.getInt("figures.activeCustomers")).isEqualTo(2);
    assertThat(february.getMap("figures.healthBands"))
        .isEqualTo(Map.of("HEALTHY", 1, "AT_RISK", 1));
  }

  @Test
  void the_kgi_compares_revenue_and_forecast_with_the_departments_target() {
    awaitTheWholeLog();
    JsonPath q1 = kgi("2005-Q1", LATER);
    assertThat(q1.getString("total.currency")).isEqualTo("JPY");
    assertThat(decimal(q1.get("total.target"))).isEqualTo("5000000");
    assertThat(decimal(q1.get("total.actual"))).isEqualTo("2000000");
    assertThat(decimal(q1.get("total.weightedPipeline"))).isEqualTo("1800000");
    assertThat(decimal(q1.get("total.forecast"))).isEqualTo("3800000");
    assertThat(decimal(q1.get("total.gap"))).isEqualTo("3000000");
    assertThat(decimal(q1.get("total.forecastGap"))).isEqualTo("1200000");
    assertThat(decimal(q1.get("total.attainment"))).isEqualTo("0.4");
    assertThat(q1.getList("months.period")).containsExactly("2005-01", "2005-02", "2005-03");
    assertThat(decimal(q1.get("months[0].target"))).isEqualTo("2000000");
    assertThat(decimal(q1.get("months[0].gap"))).isEqualTo("0");
    assertThat(q1.getString("months[1].target")).isNull();
    // as of mid-January: K6 won; O1 (0.5 × 1 M), O2 (0.4 × 2 M) and O4 (0.6 × 3 M) open
    JsonPath midJanuary = kgi("2005-Q1", "2005-01-15T00:00:00Z");
    assertThat(decimal(midJanuary.get("total.actual"))).isEqualTo("800000");
    assertThat(decimal(midJanuary.get("total.weightedPipeline"))).isEqualTo("3100000");
    given().queryParam("period", "2005-Q5").get("/kgi").then().statusCode(400);
  }

  @Test
  void the_plan_works_back_from_the_target_through_the_measured_rates() {
    awaitTheWholeLog();
    JsonPath plan =
        given()
            .queryParam("period", "2005-Q2")
            .queryParam("asOf", LATER)
            .get("/plan")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(decimal(plan.get("averageDealSize"))).isEqualTo("1000000");
    assertThat(decimal(plan.get("medianDaysMqlToWon"))).isEqualTo("12.5");
    assertThat(plan.getList("steps.step"))
        .containsExactly("WON", "VALID_OPPORTUNITIES", "TOSS_UPS", "CONTACTED_LEADS", "MQLS");
    // 6 M¥ / 1 M¥ = 6 wins; / 0.6667 = 9 valid; / 0.8 = 12 toss-ups; / 1.25 = 10; / 0.8 = 13 MQLs
    assertThat(plan.getList("steps.needed", Integer.class)).containsExactly(6, 9, 12, 10, 13);
    assertThat(plan.getList("steps.actual", Integer.class)).containsExactly(0, 0, 0, 0, 0);
    assertThat(plan.getList("steps.gap", Integer.class)).containsExactly(6, 9, 12, 10, 13);
  }

  @Test
  void the_feedback_loop_shows_volume_by_direction_time_to_acknowledge_and_share_acted_on() {
    awaitTheWholeLog();
    JsonPath loop = get("/feedback-loop", JANUARY, FEBRUARY, LATER);
    assertThat(loop.getList("directions.from"))
        .containsExactly("CUSTOMER_SUCCESS", "CUSTOMER_SUCCESS", "FIELD_SALES", "INSIDE_SALES");
    assertThat(loop.getList("directions.to"))
        .containsExactly("FIELD_SALES", "PRODUCT", "INSIDE_SALES", "MARKETING");
    assertThat(decimal(loop.get("directions[0].medianHoursToAcknowledge"))).isEqualTo("24");
    assertThat(decimal(loop.get("directions[0].shareActedOn"))).isEqualTo("1");
    assertThat(decimal(loop.get("directions[2].medianHoursToAcknowledge"))).isEqualTo("12");
    assertThat(decimal(loop.get("directions[2].shareActedOn"))).isEqualTo("0");
    assertThat(loop.getString("directions[3].medianHoursToAcknowledge")).isNull();
    assertThat(loop.getMap("byCategory")).containsEntry("PRODUCT_GAP", 1).hasSize(4);
    assertThat(loop.getInt("tossUpRejections.total")).isEqualTo(1);
    assertThat(loop.getMap("tossUpRejections.reasons")).isEqualTo(Map.of("NO_BUDGET", 1));
    assertThat(loop.getString("tossUpRejections.latest[0].handoffGap")).isEqualTo("no budget yet");
    assertThat(loop.getString("tossUpRejections.latest[0].handoffComment"))
        .isEqualTo("budget approved");
    // as of noon on 27 January: F1 acknowledged, not yet acted on
    JsonPath before = get("/feedback-loop", JANUARY, FEBRUARY, "2005-01-27T12:00:00Z");
    assertThat(before.getInt("directions[0].acknowledged")).isEqualTo(1);
    assertThat(before.getInt("directions[0].actedOn")).isZero();
    assertThat(before.getList("directions.given", Integer.class)).containsExactly(1, 1, 1);
  }

  @Test
  void no_record_of_the_log_went_to_a_dead_letter_topic() {
    awaitTheWholeLog();
    TopicProbe topics = TopicProbe.onSharedBroker();
    for (Department department : Department.values()) {
      assertThat(topics.records(department.deadLetterTopic()))
          .extracting(r -> r.value() + " " + r.headers())
          .isEmpty();
    }
  }

  @Test
  void won_revenue_is_attributed_to_the_first_and_the_last_source() {
    awaitTheWholeLog();
    JsonPath attribution = get("/attribution", JANUARY, APRIL, LATER);
    // K1 was captured from an inquiry and last touched by the spring seminar; K6 never touched
    assertThat(attribution.getInt("firstTouch.INQUIRY.deals")).isEqualTo(2);
    assertThat(decimal(attribution.get("firstTouch.INQUIRY.revenue.JPY"))).isEqualTo("2000000");
    assertThat(attribution.getMap("firstTouch")).containsOnlyKeys("INQUIRY");
    assertThat(decimal(attribution.get("lastTouch.INQUIRY.revenue.JPY"))).isEqualTo("800000");
    assertThat(decimal(attribution.get("lastTouch.SEMINAR.revenue.JPY"))).isEqualTo("1200000");
  }

  @Test
  void cohorts_by_score_band_and_company_size_as_of_an_instant() {
    awaitTheWholeLog();
    JsonPath bySize =
        given()
            .queryParam("by", "COMPANY_SIZE")
            .queryParam("from", JANUARY)
            .queryParam("to", FEBRUARY)
            .queryParam("asOf", LATER)
            .get("/funnel/cohorts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(bySize.getList("cohorts.cohort")).containsExactly("50-299", "UNKNOWN");
    assertThat(bySize.getInt("cohorts[0].stages.WON")).isEqualTo(1);
    assertThat(bySize.getInt("cohorts[1].stages.LEAD_CAPTURED")).isEqualTo(4);
    // before Inside Sales profiled K1 its size was unknown
    assertThat(
            given()
                .queryParam("by", "COMPANY_SIZE")
                .queryParam("from", JANUARY)
                .queryParam("to", FEBRUARY)
                .queryParam("asOf", "2005-01-06T00:30:00Z")
                .get("/funnel/cohorts")
                .then()
                .extract()
                .jsonPath()
                .getList("cohorts.cohort"))
        .containsExactly("UNKNOWN");
    JsonPath byBand =
        given()
            .queryParam("by", "SCORE_BAND")
            .queryParam("from", JANUARY)
            .queryParam("to", FEBRUARY)
            .queryParam("asOf", LATER)
            .get("/funnel/cohorts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(byBand.getList("cohorts.cohort")).containsExactly("MQL_HIGH");
    assertThat(byBand.getInt("cohorts[0].stages.MQL")).isEqualTo(5);
  }

  @Test
  void every_stage_balance_obeys_stock_and_flow() {
    awaitTheWholeLog();
    JsonPath january = balances(JANUARY, FEBRUARY);
    List<Map<String, Object>> rows = january.getList("balances");
    for (Map<String, Object> row : rows) {
      assertThat((Integer) row.get("atEnd"))
          .as("%s", row.get("state"))
          .isEqualTo(
              (Integer) row.get("atStart") + (Integer) row.get("in") - (Integer) row.get("out"));
    }
    assertThat(january.getInt("balances.find { it.state == 'ONBOARDED' }.atEnd")).isEqualTo(2);
    assertThat(january.getInt("balances.find { it.state == 'VALID_OPPORTUNITY' }.atEnd"))
        .isEqualTo(2);
    assertThat(january.getInt("balances.find { it.state == 'NURTURING' }.atEnd")).isEqualTo(1);
    assertThat(january.getInt("balances.find { it.state == 'EXITED' }.atEnd")).isEqualTo(1);
    assertThat(january.getInt("balances.atEnd.sum()")).isEqualTo(6);
    // February starts where January ended
    JsonPath february = balances(FEBRUARY, "2005-03-01T00:00:00Z");
    assertThat(february.getList("balances.atStart")).isEqualTo(january.getList("balances.atEnd"));
  }
}
