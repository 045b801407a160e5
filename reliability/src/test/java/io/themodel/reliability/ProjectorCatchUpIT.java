package io.themodel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.themodel.reliability.PlatformClient.Answer;
import io.themodel.testing.process.ServiceProcess.Service;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault 4: the projector is stopped while the departments keep working, and started again: it
 * catches up from its consumer offsets, and a rebuild from offset 0 afterwards gives the identical
 * read model: every figure of the API (as of one instant) and every row of its tables.
 */
class ProjectorCatchUpIT {

  private static final List<String> FIGURES =
      List.of(
          "/funnel",
          "/funnel/cohorts?by=SOURCE",
          "/funnel/cohorts?by=SCORE_BAND",
          "/funnel/balances",
          "/funnel/journeys?stage=WON&size=500",
          "/recycle",
          "/kpis/marketing",
          "/kpis/inside-sales",
          "/kpis/field-sales",
          "/kpis/customer-success",
          "/attribution",
          "/feedback-loop",
          "/kgi?period=2026",
          "/facts?type=LeadCaptured&size=500",
          "/facts?type=DealWon&size=500");
  private static final Map<String, String> TABLES =
      Map.of("fact", "event_id", "journey", "lead_id");

  private final FaultyPlatform platform = FaultyPlatform.get();
  private final Books books = new Books(platform);

  @Test
  void a_projector_stopped_during_load_catches_up_and_a_rebuild_gives_the_identical_read_model() {
    Ledger ledger = new Ledger("projector stopped during the load, then started");
    platform.stop(Service.KPI);
    new JourneyLoad(platform.client(), ledger, 8, 4, Duration.ofMinutes(3))
        .start()
        .orTimeout(5, java.util.concurrent.TimeUnit.MINUTES)
        .join();
    int missed =
        books.stores().values().stream().mapToInt(List::size).sum() - books.factIds().size();
    assertThat(missed).as("events the stopped projector has not seen").isPositive();

    Instant restarted = Instant.now();
    platform.startAgain(Service.KPI);
    Books.Figures figures = books.balance(ledger);
    Duration catchUp = Duration.between(restarted, Instant.now());

    Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, JsonNode> before = figures(asOf);
    Map<String, List<String>> tablesBefore = tables();

    Answer started = platform.client().post(Service.KPI, "/rebuild", PlatformClient.object());
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    Instant rebuildStarted = Instant.now();
    JsonNode progress =
        await("the rebuild is done")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> platform.client().get(Service.KPI, "/rebuild").json(),
                p ->
                    !p.path("state").asText().equals("REPLAYING")
                        && !p.path("state").asText().equals("SWAPPING"));
    assertThat(progress.path("state").asText()).as(progress.toString()).isEqualTo("DONE");
    Duration rebuild = Duration.between(rebuildStarted, Instant.now());

    assertThat(figures(asOf)).as("the API's figures as of " + asOf).isEqualTo(before);
    assertThat(tables()).as("the read model's tables").isEqualTo(tablesBefore);
    System.out.printf(
        "[reliability] %s: %d events missed while stopped, caught up and balanced in %d ms;"
            + " rebuild of %d facts (%d events applied) in %d ms, %d figures and %d rows identical%n",
        ledger.test(),
        missed,
        catchUp.toMillis(),
        figures.facts(),
        progress.path("eventsApplied").asLong(),
        rebuild.toMillis(),
        before.size(),
        tablesBefore.values().stream().mapToInt(List::size).sum());
  }

  private Map<String, JsonNode> figures(Instant asOf) {
    String window =
        "from=2000-01-01T00:00:00Z&to="
            + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8)
            + "&asOf="
            + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8);
    Map<String, JsonNode> figures = new LinkedHashMap<>();
    for (String path : FIGURES) {
      String uri = path + (path.contains("?") ? "&" : "?") + window;
      Answer answer = platform.client().get(Service.KPI, uri);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      figures.put(path, answer.json());
    }
    return figures;
  }

  private Map<String, List<String>> tables() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    TABLES.forEach(
        (table, key) ->
            tables.put(
                table,
                books.query(
                    Service.KPI,
                    "select * from " + table + " order by " + key,
                    rows -> {
                      ResultSetMetaData columns = rows.getMetaData();
                      List<String> values = new ArrayList<>();
                      for (int i = 1; i <= columns.getColumnCount(); i++) {
                        values.add(columns.getColumnName(i) + "=" + rows.getString(i));
                      }
                      return String.join(", ", values);
                    })));
    return tables;
  }
}
