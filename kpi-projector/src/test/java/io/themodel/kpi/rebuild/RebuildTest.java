package io.themodel.kpi.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.events.is.TossedUp;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rebuild while events keep arriving: the read model it swaps in, with what live application
 * added after the swap, holds every event once and is exactly what a rebuild from a quiet log
 * gives; the funnel answers the same before and after, on connections that served it before.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_rebuild_test"))
class RebuildTest {

  private static final String AS_OF = "2006-12-31T00:00:00Z";
  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final Set<UUID> published = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Publishes the journeys one record at a time, each acknowledged by the broker before the next.
   */
  private void publishJourneys(int count, Instant start) {
    for (int j = 0; j < count; j++) {
      UUID lead = UUID.randomUUID();
      UUID opportunity = UUID.randomUUID();
      List<DomainEvent> path = new ArrayList<>();
      path.add(TestEvents.leadCaptured(lead));
      path.add(TestEvents.marketingQualified(lead));
      if (j % 2 == 0) {
        path.add(new TossedUp(lead, opportunity, "v1", null, "fs"));
        path.add(TestEvents.tossUpAccepted(lead, opportunity));
      }
      Instant at = start.plus(Duration.ofHours(j));
      for (DomainEvent event : path) {
        UUID eventId = UUID.randomUUID();
        published.add(eventId);
        topics.send(
            EventType.of(event).department().topic(),
            lead.toString(),
            TestEvents.cloudEvent(event, eventId, at));
        at = at.plus(Duration.ofMinutes(30));
      }
    }
  }

  private static String funnel() {
    return given()
        .queryParam("from", "2006-01-01T00:00:00Z")
        .queryParam("to", "2007-01-01T00:00:00Z")
        .queryParam("asOf", AS_OF)
        .get("/funnel")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static Set<UUID> factIds() throws Exception {
    Set<UUID> ids = new HashSet<>();
    try (Connection connection = TestDatabase.connect(TestDatabase.name("kpi_rebuild_test"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select event_id from public.fact")) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static String dump() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection connection = TestDatabase.connect(TestDatabase.name("kpi_rebuild_test"));
        Statement statement = connection.createStatement()) {
      for (String query :
          List.of(
              "select * from public.fact order by event_id",
              "select * from public.journey order by lead_id",
              "select * from public.funnel_transition order by stage, lead_id",
              "select * from public.stage_stay order by lead_id, entered_at, event_id")) {
        try (ResultSet rows = statement.executeQuery(query)) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            for (int c = 1; c <= columns.getColumnCount(); c++) {
              out.append(rows.getString(c)).append('|');
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  private static String rebuildState() {
    return given().get("/rebuild").then().statusCode(200).extract().path("state");
  }

  private void rebuildAndWait() {
    given().post("/rebuild").then().statusCode(202);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> List.of("DONE", "FAILED").contains(rebuildState()));
    assertThat((Object) given().get("/rebuild").then().extract().path("error")).isNull();
    assertThat(rebuildState()).isEqualTo("DONE");
  }

  @Test
  void a_rebuild_during_live_traffic_ends_with_the_same_read_model_as_a_quiet_rebuild()
      throws Exception {
    publishJourneys(30, Instant.parse("2006-02-01T00:00:00Z"));
    await().atMost(Duration.ofSeconds(60)).until(() -> factIds().containsAll(published));
    String before = funnel();
    for (int i = 0; i < 10; i++) {
      assertThat(funnel()).isEqualTo(before); // the pool's connections have prepared it
    }

    given().post("/rebuild").then().statusCode(202);
    given().post("/rebuild").then().statusCode(409); // one at a time
    // live traffic meanwhile: 90 records sent one by one, each waiting for the broker's ack
    Thread traffic = new Thread(() -> publishJourneys(30, Instant.parse("2006-06-01T00:00:00Z")));
    traffic.start();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> List.of("DONE", "FAILED").contains(rebuildState()));
    assertThat(rebuildState()).isEqualTo("DONE");
    traffic.join();
    await().atMost(Duration.ofSeconds(60)).until(() -> factIds().containsAll(published));
    assertThat(factIds()).isEqualTo(published);
    String live = dump();

    rebuildAndWait(); // from a quiet log
    assertThat(dump()).isEqualTo(live);
    assertThat(given().get("/rebuild").then().extract().jsonPath().getLong("eventsApplied"))
        .isEqualTo(published.size());
    assertThat(funnel()).isNotEqualTo(before); // the second month's journeys count now
    String after = funnel();
    for (int i = 0; i < 10; i++) {
      assertThat(funnel()).isEqualTo(after);
    }
  }
}
