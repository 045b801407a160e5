package io.themodel.kpi.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.events.Money;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.success.Churned;
import io.themodel.events.success.Renewed;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
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
 * broker, with Grafana's time macros for a range holding only that log, and returns rows. It has a
 * database of its own, so the demo year never shows in the other tests' funnel figures.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = io.themodel.testing.postgres.PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_grafana_test"))
class GrafanaPanelsTest {

  private static final String READ_MODEL = "themodel-kpi";
  private static final Instant FROM = Instant.parse("1999-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("1999-12-31T23:59:59Z");
  private static final Path DASHBOARDS = Path.of("..", "grafana", "dashboards");

  @Inject DataSource dataSource;

  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final List<UUID> leads = new ArrayList<>();
  private int sent;

  @Test
  void every_read_model_panel_returns_rows_for_a_demo_event_log() throws Exception {
    publishDemoLog();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(factsOfDemoLeads()).isEqualTo(sent));

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

  private int factsOfDemoLeads() throws SQLException {
    String ids = leads.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count =
            statement.executeQuery("select count(*) from fact where lead_id in (" + ids + ")")) {
      count.next();
      return count.getInt(1);
    }
  }

  /**
   * A small year of 1999: a won, onboarded and renewed customer; a lead recycled by inside sales
   * (A); a lost deal recycled (B) and qualified again; a churned customer (win-back); an excluded
   * student; a lead that stayed captured. Sources and months differ for the cohorts.
   */
  private void publishDemoLog() {
    UUID won = lead(LeadSource.INQUIRY, "1999-01-11T09:00:00Z");
    qualified(won, "1999-01-13T09:00:00Z");
    UUID wonDeal = tossedUp(won, "1999-01-20T09:00:00Z");
    send(TestEvents.tossUpAccepted(won, wonDeal), "1999-01-22T09:00:00Z");
    send(TestEvents.dealWon(won, wonDeal), "1999-02-15T09:00:00Z");
    send(TestEvents.customerOnboarded(won, wonDeal), "1999-03-01T09:00:00Z");
    UUID account = TestEvents.customerOnboarded(won, wonDeal).accountId();
    send(
        new Renewed(won, account, LocalDate.parse("2000-03-01"), 12, yen("1300000")),
        "1999-11-20T09:00:00Z");

    UUID recycledA = lead(LeadSource.SEMINAR, "1999-02-03T09:00:00Z");
    qualified(recycledA, "1999-02-05T09:00:00Z");
    recycled(
        recycledA, RecycleKind.A, "Disqualified", "no budget this year", "1999-02-20T09:00:00Z");

    UUID lost = lead(LeadSource.WEB_FORM, "1999-02-08T09:00:00Z");
    qualified(lost, "1999-02-10T09:00:00Z");
    UUID lostDeal = tossedUp(lost, "1999-02-17T09:00:00Z");
    send(TestEvents.tossUpAccepted(lost, lostDeal), "1999-02-18T09:00:00Z");
    recycled(lost, RecycleKind.B, "DealLost", "PRICE", "1999-04-02T09:00:00Z");
    qualified(lost, "1999-06-01T09:00:00Z");

    UUID churned = lead(LeadSource.REFERRAL, "1999-03-02T09:00:00Z");
    qualified(churned, "1999-03-03T09:00:00Z");
    UUID churnedDeal = tossedUp(churned, "1999-03-05T09:00:00Z");
    send(TestEvents.tossUpAccepted(churned, churnedDeal), "1999-03-06T09:00:00Z");
    send(TestEvents.dealWon(churned, churnedDeal), "1999-03-20T09:00:00Z");
    send(TestEvents.customerOnboarded(churned, churnedDeal), "1999-04-01T09:00:00Z");
    UUID churnedAccount = TestEvents.customerOnboarded(churned, churnedDeal).accountId();
    send(new Churned(churned, churnedAccount, "moved to a competitor"), "1999-09-30T09:00:00Z");
    recycled(
        churned, RecycleKind.WIN_BACK, "Churned", "moved to a competitor", "1999-10-01T09:00:00Z");

    UUID student = lead(LeadSource.WEB_FORM, "1999-03-15T09:00:00Z");
    send(
        new LeadExcluded(student, ExclusionReason.STUDENT, "student@univ.ac.jp"),
        "1999-03-15T09:00:01Z");

    lead(LeadSource.SEMINAR, "1999-03-20T09:00:00Z");
  }

  private UUID lead(LeadSource source, String at) {
    UUID leadId = UUID.randomUUID();
    leads.add(leadId);
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

  private UUID tossedUp(UUID leadId, String at) {
    UUID opportunityId = UUID.randomUUID();
    send(new io.themodel.events.is.TossedUp(leadId, opportunityId, "v1", "demo", "fs-tanaka"), at);
    return opportunityId;
  }

  private void recycled(UUID leadId, RecycleKind kind, String cause, String reason, String at) {
    send(new LeadRecycled(leadId, kind, UUID.randomUUID(), cause, reason), at);
  }

  private static Money yen(String amount) {
    return new Money(new BigDecimal(amount), "JPY");
  }

  private void send(DomainEvent event, String at) {
    topics.send(
        EventType.of(event).department().topic(),
        event.leadId().toString(),
        TestEvents.cloudEvent(event, UUID.randomUUID(), Instant.parse(at)));
    sent++;
  }
}
