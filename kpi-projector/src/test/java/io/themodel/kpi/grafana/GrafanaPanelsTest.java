package io.themodel.kpi.grafana;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.Money;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
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
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.success.AdvocateMarked;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.events.success.HealthBand;
import io.themodel.events.success.HealthScored;
import io.themodel.events.success.Renewed;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every Grafana panel that queries the read model (grafana/dashboards/*.json, data source {@code
 * themodel-kpi}) runs against the projector's database after a demo event log went through the real
 * broker, with Grafana's time macros for a range holding only that log, and returns rows; the
 * department, KGI, balance and feedback panels show the same figures as the REST API. It has a
 * database of its own, so the demo year never shows in the other tests' funnel figures.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = io.themodel.testing.postgres.PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_grafana_test"))
class GrafanaPanelsTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final String READ_MODEL = "themodel-kpi";
  private static final Instant FROM = Instant.parse("1999-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("1999-12-31T23:59:59Z");
  private static final Path DASHBOARDS = Path.of("..", "grafana", "dashboards");

  @Inject DataSource dataSource;

  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final List<UUID> sentIds = new ArrayList<>();

  @Test
  void every_read_model_panel_returns_rows_for_a_demo_event_log() throws Exception {
    publishDemoLog();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(appliedDemoEvents()).isEqualTo(sentIds.size()));

    Map<String, String> panels = readModelPanels();
    assertThat(panels).as("panels on the read model in " + DASHBOARDS).hasSizeGreaterThan(5);
    Map<String, String> failures = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> panel : panels.entrySet()) {
        try (ResultSet rows = statement.executeQuery(withMacros(panel.getValue()))) {
          if (!rows.next()) {
            failures.put(panel.getKey(), "no rows");
          }
        } catch (SQLException e) {
          failures.put(panel.getKey(), e.getMessage());
        }
      }
    }
    assertThat(failures).as("panels that failed or returned nothing").isEmpty();

    figuresAgreeWithTheRestApi(panels);
  }

  /**
   * The dashboards define each figure as the REST API does: for the time range as the period and
   * its end as asOf, the panels show the API's counts, rates, KGI and balances.
   */
  private void figuresAgreeWithTheRestApi(Map<String, String> panels) throws SQLException {
    JsonPath is = api("/kpis/inside-sales");
    Map<String, Object> calls = row(panels, "Inside Sales activity / Calls → connects → contacts");
    assertNumber(calls, "calls", is.get("figures.calls"));
    assertNumber(calls, "connects", is.get("figures.connects"));
    assertNumber(calls, "contacts", is.get("figures.contacts"));
    assertNumber(calls, "contacted_leads", is.get("figures.contactedLeads"));
    Map<String, Object> rates =
        row(panels, "Inside Sales activity / Connect rate and contact rate");
    assertNumber(rates, "connect_rate", percent(is.get("figures.connectRate")));
    assertNumber(rates, "contact_rate", percent(is.get("figures.contactRate")));
    Map<String, Object> steps =
        row(panels, "Inside Sales activity / Contacts → toss-ups → valid opportunities");
    assertNumber(steps, "toss_ups", is.get("figures.opportunities"));
    assertNumber(steps, "valid_opportunities", is.get("figures.validOpportunities"));
    assertNumber(steps, "rejected", is.get("figures.rejected"));
    assertNumber(steps, "valid rate %", percent(is.get("figures.validRate")));

    JsonPath fs = api("/kpis/field-sales");
    Map<String, Object> deals =
        row(
            panels,
            "Field Sales and Customer Success / Valid opportunities, won, lost, win rate, cycle time");
    assertNumber(deals, "valid_opportunities", fs.get("figures.validOpportunities"));
    assertNumber(deals, "won", fs.get("figures.won"));
    assertNumber(deals, "lost", fs.get("figures.lost"));
    assertNumber(deals, "win rate %", percent(fs.get("figures.winRate")));
    assertNumber(
        deals,
        "median cycle days",
        number(fs.get("figures.medianCycleDays")).setScale(1, RoundingMode.HALF_UP));

    JsonPath cs = api("/kpis/customer-success");
    Map<String, Object> customers =
        row(
            panels,
            "Field Sales and Customer Success / Onboarded, active, renewed, churned, retention");
    assertNumber(customers, "onboarded", cs.get("figures.onboarded"));
    assertNumber(customers, "active_at_end", cs.get("figures.activeCustomers"));
    assertNumber(customers, "renewed", cs.get("figures.renewed"));
    assertNumber(customers, "churned", cs.get("figures.churned"));
    assertNumber(customers, "retention %", percent(cs.get("figures.retentionRate")));

    List<Map<String, Object>> targets =
        rows(panels, "KGI vs target / Targets by period (months and quarters)");
    assertThat(targets).extracting(t -> t.get("period")).contains("1999-02", "1999-Q1");
    for (Map<String, Object> target : targets) {
      JsonPath kgi =
          given()
              .queryParam("period", target.get("period"))
              .queryParam("asOf", TO.toString())
              .get("/kgi")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertNumber(target, "target", kgi.get("total.target"));
      assertNumber(target, "won", kgi.get("total.actual"));
      assertNumber(target, "to_go", kgi.get("total.gap"));
    }

    JsonPath balances = api("/funnel/balances");
    List<Map<String, Object>> stock =
        rows(panels, "Stock and flow / Balance over the range: at start, in, out, at end");
    for (Map<String, Object> place : stock) {
      String at = "balances.find { it.state == '" + place.get("state") + "' }.";
      assertNumber(place, "at_start", balances.get(at + "atStart"));
      assertNumber(place, "in", balances.get(at + "in"));
      assertNumber(place, "out", balances.get(at + "out"));
      assertNumber(place, "at_end", balances.get(at + "atEnd"));
    }
    assertThat(stock)
        .hasSameSizeAs(
            balances.getList("balances", Map.class).stream()
                .filter(
                    b ->
                        ((Number) b.get("atStart")).longValue()
                                + ((Number) b.get("in")).longValue()
                                + ((Number) b.get("atEnd")).longValue()
                            > 0)
                .toList());

    JsonPath loop = api("/feedback-loop");
    List<Map<String, Object>> directions = rows(panels, "Reverse feedback loop / By direction");
    assertThat(directions).hasSize(loop.getList("directions").size()).hasSize(3);
    for (Map<String, Object> direction : directions) {
      String at =
          "directions.find { it.from == '"
              + direction.get("from")
              + "' && it.to == '"
              + direction.get("to")
              + "' }.";
      assertNumber(direction, "given", loop.get(at + "given"));
      assertNumber(direction, "acknowledged", loop.get(at + "acknowledged"));
      assertNumber(direction, "acted_on", loop.get(at + "actedOn"));
    }
  }

  /** The API's answer for the test's time range, as of its end. */
  private static JsonPath api(String path) {
    return given()
        .queryParam("from", FROM.toString())
        .queryParam("to", TO.toString())
        .queryParam("asOf", TO.toString())
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private List<Map<String, Object>> rows(Map<String, String> panels, String panel)
      throws SQLException {
    String sql = panels.get(panel + " / A");
    assertThat(sql).as("panel " + panel).isNotNull();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(withMacros(sql))) {
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private Map<String, Object> row(Map<String, String> panels, String panel) throws SQLException {
    List<Map<String, Object>> rows = rows(panels, panel);
    assertThat(rows).as(panel).hasSize(1);
    return rows.get(0);
  }

  private static void assertNumber(Map<String, Object> row, String column, Object expected) {
    assertThat(row).as(column).containsKey(column);
    assertThat(expected).as("the API's " + column).isNotNull();
    assertThat(number(row.get(column))).as(column).isEqualByComparingTo(number(expected));
  }

  private static BigDecimal number(Object value) {
    assertThat(value).isNotNull();
    return new BigDecimal(value.toString());
  }

  /** An API rate (0.6667) as a panel shows it (66.7). */
  private static BigDecimal percent(Object rate) {
    return number(rate).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
  }

  @Test
  void the_macros_are_expanded_as_grafana_does_and_an_unknown_one_is_refused() {
    assertThat(withMacros("select 1 where $__timeFilter(f.occurred_at) and $__timeTo() > now()"))
        .isEqualTo(
            "select 1 where f.occurred_at BETWEEN '1999-01-01T00:00:00Z' AND"
                + " '1999-12-31T23:59:59Z' and '1999-12-31T23:59:59Z' > now()");
    assertThat(catchThrowableMessage("select $__timeGroup(x, '1d')")).contains("$__timeGroup");
    assertThat(catchThrowableMessage("select * from fact where rep = '$rep'")).contains("$rep");
  }

  private static String catchThrowableMessage(String sql) {
    try {
      return withMacros(sql);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Grafana's PostgreSQL macros for the range FROM..TO; any other macro or variable fails. */
  static String withMacros(String sql) {
    String from = "'" + FROM + "'";
    String to = "'" + TO + "'";
    String expanded =
        sql.replace("$__timeFrom()", from)
            .replace("$__timeTo()", to)
            .replaceAll(
                "\\$__timeFilter\\(([^)]+)\\)",
                "$1 BETWEEN "
                    + Matcher.quoteReplacement(from)
                    + " AND "
                    + Matcher.quoteReplacement(to));
    Matcher leftover = Pattern.compile("\\$[A-Za-z_]\\w*").matcher(expanded);
    if (leftover.find()) {
      throw new IllegalArgumentException(
          "macro or variable this test cannot expand: " + leftover.group());
    }
    return expanded;
  }

  /** dashboard title / panel title to its SQL, for every panel on the read model. */
  private static Map<String, String> readModelPanels() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> panels = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(DASHBOARDS)) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode dashboard = json.readTree(file.toFile());
      List<JsonNode> all = new ArrayList<>();
      collectPanels(dashboard.path("panels"), all);
      for (JsonNode panel : all) {
        for (JsonNode target : panel.path("targets")) {
          String source =
              target
                  .path("datasource")
                  .path("uid")
                  .asText(panel.path("datasource").path("uid").asText());
          if (READ_MODEL.equals(source)) {
            panels.put(
                dashboard.path("title").asText()
                    + " / "
                    + panel.path("title").asText()
                    + " / "
                    + target.path("refId").asText(),
                target.path("rawSql").asText());
          }
        }
      }
    }
    return panels;
  }

  private static void collectPanels(JsonNode panels, List<JsonNode> into) {
    for (JsonNode panel : panels) {
      into.add(panel);
      collectPanels(panel.path("panels"), into); // panels folded into a row
    }
  }

  private int appliedDemoEvents() throws SQLException {
    String ids = sentIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count =
            statement.executeQuery("select count(*) from fact where event_id in (" + ids + ")")) {
      count.next();
      return count.getInt(1);
    }
  }

  /**
   * A small year of 1999, so every panel has something to show: a won, onboarded, expanded, renewed
   * customer who became an advocate; a lead disqualified by Inside Sales (Recycle A); a lost deal
   * recycled (B) and qualified again; a churned customer (win-back); a toss-up Field Sales
   * rejected, with the feedback that followed; a deal still open; an excluded student; a lead that
   * stayed captured. Two Inside Sales reps call with every kind of outcome, two Field Sales reps
   * own the deals, and targets are set for months, a quarter and (left out of the KGI) a team.
   */
  private void publishDemoLog() {
    UUID won = lead(LeadSource.INQUIRY, "1999-01-11T09:00:00Z");
    qualified(won, "1999-01-13T09:00:00Z");
    call(won, CallOutcome.NO_ANSWER, "is-sato", "1999-01-13T10:00:00Z");
    call(won, CallOutcome.CONTACTED_KEY_PERSON, "is-sato", "1999-01-14T10:00:00Z");
    UUID wonDeal = tossedUp(won, "fs-tanaka", "1999-01-20T09:00:00Z");
    send(TestEvents.tossUpAccepted(won, wonDeal), "1999-01-22T09:00:00Z");
    stage(won, wonDeal, DealStage.FIRST_PROPOSAL, "1200000", 20, "1999-01-25T09:00:00Z");
    stage(won, wonDeal, DealStage.CLOSING, "1200000", 70, "1999-02-05T09:00:00Z");
    send(TestEvents.dealWon(won, wonDeal), "1999-02-15T09:00:00Z");
    send(TestEvents.customerOnboarded(won, wonDeal), "1999-03-01T09:00:00Z");
    UUID account = TestEvents.customerOnboarded(won, wonDeal).accountId();
    health(won, account, 85, HealthBand.HEALTHY, "1999-04-01T09:00:00Z");
    health(won, account, 62, HealthBand.WATCH, "1999-08-01T09:00:00Z");
    send(
        new ExpansionIdentified(
            won, account, UUID.randomUUID(), OpportunityKind.UPSELL, yen("500000"), "more seats"),
        "1999-10-15T09:00:00Z");
    send(
        new Renewed(won, account, LocalDate.parse("2000-03-01"), 12, yen("1300000")),
        "1999-11-20T09:00:00Z");
    send(new AdvocateMarked(won, account, "cs-ito", "case study"), "1999-12-01T09:00:00Z");
    feedback(
        won,
        Department.SUCCESS,
        FeedbackParty.FIELD_SALES,
        FeedbackCategory.CUSTOMER_EXPECTATIONS,
        "1999-06-01T09:00:00Z",
        "1999-06-03T15:00:00Z",
        null);

    UUID recycledA = lead(LeadSource.SEMINAR, "1999-02-03T09:00:00Z");
    qualified(recycledA, "1999-02-05T09:00:00Z");
    call(recycledA, CallOutcome.CONNECTED_RECEPTION, "is-suzuki", "1999-02-06T10:00:00Z");
    call(recycledA, CallOutcome.CONTACTED_KEY_PERSON, "is-suzuki", "1999-02-07T10:00:00Z");
    send(new Disqualified(recycledA, "no budget this year", "is-suzuki"), "1999-02-20T08:00:00Z");
    recycled(
        recycledA, RecycleKind.A, "Disqualified", "no budget this year", "1999-02-20T09:00:00Z");

    UUID lost = lead(LeadSource.WEB_FORM, "1999-02-08T09:00:00Z");
    qualified(lost, "1999-02-10T09:00:00Z");
    call(lost, CallOutcome.WRONG_NUMBER, "is-sato", "1999-02-11T10:00:00Z");
    call(lost, CallOutcome.CALL_BACK_REQUESTED, "is-sato", "1999-02-12T10:00:00Z");
    call(lost, CallOutcome.CONTACTED_KEY_PERSON, "is-sato", "1999-02-15T10:00:00Z");
    UUID lostDeal = tossedUp(lost, "fs-kato", "1999-02-17T09:00:00Z");
    send(TestEvents.tossUpAccepted(lost, lostDeal), "1999-02-18T09:00:00Z");
    stage(lost, lostDeal, DealStage.FIRST_PROPOSAL, "800000", 20, "1999-02-25T09:00:00Z");
    send(
        new DealLost(lost, lostDeal, "PRICE", "株式会社ライバル", "cheaper offer"), "1999-03-30T09:00:00Z");
    recycled(lost, RecycleKind.B, "DealLost", "PRICE", "1999-04-02T09:00:00Z");
    qualified(lost, "1999-06-01T09:00:00Z");

    UUID churned = lead(LeadSource.REFERRAL, "1999-03-02T09:00:00Z");
    qualified(churned, "1999-03-03T09:00:00Z");
    call(churned, CallOutcome.CONTACTED_KEY_PERSON, "is-suzuki", "1999-03-04T10:00:00Z");
    UUID churnedDeal = tossedUp(churned, "fs-tanaka", "1999-03-05T09:00:00Z");
    send(TestEvents.tossUpAccepted(churned, churnedDeal), "1999-03-06T09:00:00Z");
    send(TestEvents.dealWon(churned, churnedDeal), "1999-03-20T09:00:00Z");
    send(TestEvents.customerOnboarded(churned, churnedDeal), "1999-04-01T09:00:00Z");
    UUID churnedAccount = TestEvents.customerOnboarded(churned, churnedDeal).accountId();
    health(churned, churnedAccount, 30, HealthBand.AT_RISK, "1999-06-01T09:00:00Z");
    send(new Churned(churned, churnedAccount, "moved to a competitor"), "1999-09-30T09:00:00Z");
    recycled(
        churned, RecycleKind.WIN_BACK, "Churned", "moved to a competitor", "1999-10-01T09:00:00Z");

    UUID rejected = lead(LeadSource.SEMINAR, "1999-04-08T09:00:00Z");
    qualified(rejected, "1999-04-09T09:00:00Z");
    call(rejected, CallOutcome.NOT_INTERESTED, "is-suzuki", "1999-04-09T10:00:00Z");
    call(rejected, CallOutcome.CONTACTED_KEY_PERSON, "is-suzuki", "1999-04-10T10:00:00Z");
    UUID rejectedTossUp = tossedUp(rejected, "fs-kato", "1999-04-12T09:00:00Z");
    send(
        new TossUpRejected(
            rejected,
            rejectedTossUp,
            "NO_BUDGET",
            "the handoff said budget approved; budgeting starts in the autumn",
            "fs-kato"),
        "1999-04-14T09:00:00Z");
    feedback(
        rejected,
        Department.DEAL,
        FeedbackParty.INSIDE_SALES,
        FeedbackCategory.HANDOFF_INFORMATION,
        "1999-04-14T10:00:00Z",
        "1999-04-15T10:00:00Z",
        "1999-04-20T10:00:00Z");
    feedback(
        rejected,
        Department.IS,
        FeedbackParty.MARKETING,
        FeedbackCategory.LEAD_QUALITY,
        "1999-05-10T09:00:00Z",
        null,
        null);

    UUID open = lead(LeadSource.INQUIRY, "1999-04-05T09:00:00Z");
    qualified(open, "1999-04-06T09:00:00Z");
    call(open, CallOutcome.CONTACTED_KEY_PERSON, "is-sato", "1999-04-07T10:00:00Z");
    UUID openDeal = tossedUp(open, "fs-kato", "1999-04-10T09:00:00Z");
    send(TestEvents.tossUpAccepted(open, openDeal), "1999-04-12T09:00:00Z");
    stage(open, openDeal, DealStage.MAIN_PROPOSAL, "3000000", 40, "1999-04-20T09:00:00Z");

    UUID student = lead(LeadSource.WEB_FORM, "1999-03-15T09:00:00Z");
    send(
        new LeadExcluded(student, ExclusionReason.STUDENT, "student@univ.ac.jp"),
        "1999-03-15T09:00:01Z");

    lead(LeadSource.SEMINAR, "1999-03-20T09:00:00Z");

    target("1999-01", null, "1000000", "1998-12-20T09:00:00Z");
    target("1999-02", null, "2000000", "1998-12-20T09:00:00Z");
    target("1999-02", null, "1500000", "1999-01-25T09:00:00Z"); // revised: the latest counts
    target("1999-02", "east", "500000", "1999-01-26T09:00:00Z"); // a team's: not the KGI
    target("1999-03", null, "1500000", "1998-12-20T09:00:00Z");
    target("1999-Q1", null, "4000000", "1998-12-20T09:00:00Z");
  }

  private UUID lead(LeadSource source, String at) {
    UUID leadId = UUID.randomUUID();
    send(
        new LeadCaptured(
            leadId,
            source,
            "demo-1999",
            new Person("山田 太郎", "taro@example.co.jp", null, null),
            "株式会社デモ",
            true),
        at);
    return leadId;
  }

  private void qualified(UUID leadId, String at) {
    send(TestEvents.marketingQualified(leadId), at);
  }

  private void call(UUID leadId, CallOutcome outcome, String rep, String at) {
    send(new CallLogged(leadId, outcome, rep, null, null), at);
  }

  /** Inside Sales tosses the lead up and Field Sales opens the opportunity for its rep. */
  private UUID tossedUp(UUID leadId, String fieldSalesRep, String at) {
    UUID opportunityId = UUID.randomUUID();
    send(
        new TossedUp(leadId, opportunityId, "v1", "budget approved, decision in Q2", fieldSalesRep),
        at);
    send(
        new OpportunityOpened(
            leadId,
            opportunityId,
            OpportunityKind.NEW_BUSINESS,
            fieldSalesRep,
            "budget approved, decision in Q2"),
        Instant.parse(at).plusSeconds(60).toString());
    return opportunityId;
  }

  private void stage(
      UUID leadId, UUID opportunityId, DealStage to, String amount, int probability, String at) {
    send(
        new DealStageChanged(
            leadId,
            opportunityId,
            null,
            to,
            yen(amount),
            LocalDate.parse(at.substring(0, 10)).plusMonths(2),
            probability,
            List.of(),
            "fs-tanaka"),
        at);
  }

  private void health(UUID leadId, UUID accountId, int score, HealthBand band, String at) {
    send(
        new HealthScored(
            leadId,
            accountId,
            LocalDate.parse(at.substring(0, 10)),
            score,
            band,
            new HealthScored.Components(score, score, score, score)),
        at);
  }

  private void recycled(UUID leadId, RecycleKind kind, String cause, String reason, String at) {
    send(new LeadRecycled(leadId, kind, UUID.randomUUID(), cause, reason), at);
  }

  /** Feedback given, and acknowledged and acted on by the receiver when those times are given. */
  private void feedback(
      UUID leadId,
      Department from,
      FeedbackParty to,
      FeedbackCategory category,
      String givenAt,
      String acknowledgedAt,
      String actedOnAt) {
    UUID feedbackId = UUID.randomUUID();
    send(
        new FeedbackGiven(
            feedbackId, from, to, leadId, null, category, "demo", "what we found", "demo-rep"),
        givenAt);
    Department receiver = to.department().orElseThrow();
    if (acknowledgedAt != null) {
      send(
          new FeedbackAcknowledged(feedbackId, receiver, leadId, "demo-lead", null),
          acknowledgedAt);
    }
    if (actedOnAt != null) {
      send(new FeedbackActedOn(feedbackId, receiver, leadId, "demo-lead", "changed"), actedOnAt);
    }
  }

  /** A revenue target: about no lead, so keyed by its period as Field Sales' store keys it. */
  private void target(String period, String team, String amount, String at) {
    send(new TargetSet(period, team, null, yen(amount), "fs-manager"), "target-" + period, at);
  }

  private static Money yen(String amount) {
    return new Money(new BigDecimal(amount), "JPY");
  }

  private void send(DomainEvent event, String at) {
    send(event, TestEvents.journeyKey(event), at);
  }

  /**
   * Publishes the event on its publisher's topic as that department's relay would, with the record
   * key (and CloudEvents subject) given: TestEvents.cloudEvent only knows keys of leads and
   * feedback.
   */
  private void send(DomainEvent event, String key, String at) {
    UUID eventId = UUID.randomUUID();
    Department publisher = EventType.departmentOf(event);
    String value =
        CODEC.write(
            CODEC.envelope(
                publisher,
                EventType.of(event),
                eventId,
                key,
                Instant.parse(at),
                UUID.randomUUID(),
                null,
                event.leadId(),
                event.accountId(),
                CODEC.toData(event)));
    topics.send(publisher.topic(), key, value);
    sentIds.add(eventId);
  }
}
