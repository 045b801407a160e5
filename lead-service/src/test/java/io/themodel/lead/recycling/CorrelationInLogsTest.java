package io.themodel.lead.recycling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.is.Disqualified;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.logging.LogCapture;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A REST call and a consumed event each run under one correlation id: the answer's {@code
 * X-Correlation-Id}, the events it wrote and every log line it caused (the event store's debug line
 * here) carry the same one, the caller's or a new one.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class CorrelationInLogsTest {

  private LogCapture store;

  @BeforeEach
  void listen() {
    store = LogCapture.of("io.themodel.platform.store.EventStore", Level.FINE);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  void the_callers_correlation_id_is_on_the_answer_the_events_and_the_log_lines() throws Exception {
    UUID correlation = UUID.randomUUID();
    Response answer =
        given()
            .header("X-Correlation-Id", correlation.toString())
            .contentType(ContentType.JSON)
            .body(lead())
            .post("/leads");
    assertThat(answer.statusCode()).isEqualTo(201);
    UUID leadId = UUID.fromString(answer.path("leadId"));

    assertThat(answer.header("X-Correlation-Id")).isEqualTo(correlation.toString());
    assertThat(correlationIdsInStore(leadId)).containsOnly(correlation);
    assertThat(correlationIdsLoggedFor(leadId)).containsOnly(correlation.toString());
  }

  @Test
  void a_call_without_one_gets_a_new_one_that_its_events_and_log_lines_share() throws Exception {
    Response answer = given().contentType(ContentType.JSON).body(lead()).post("/leads");
    assertThat(answer.statusCode()).isEqualTo(201);
    UUID leadId = UUID.fromString(answer.path("leadId"));

    UUID correlation = UUID.fromString(answer.header("X-Correlation-Id"));
    assertThat(correlationIdsInStore(leadId)).containsOnly(correlation);
    assertThat(correlationIdsLoggedFor(leadId)).containsOnly(correlation.toString());
  }

  @Test
  void an_event_from_another_department_is_handled_under_its_correlation_id() throws Exception {
    UUID leadId = RecyclingIntakeTest.scoredMql(); // an MQL that inside sales then disqualifies
    store.clear();
    UUID correlation = UUID.randomUUID();
    Disqualified disqualified = RecyclingEvents.disqualified(leadId);
    EventCodec codec = new EventCodec();
    String record =
        codec.write(
            codec.envelope(
                Department.IS,
                EventType.of(disqualified),
                UUID.randomUUID(),
                leadId.toString(),
                Instant.now(),
                correlation,
                null,
                leadId,
                null,
                codec.toData(disqualified)));
    TopicProbe.onSharedBroker().send(Department.IS.topic(), leadId.toString(), record);

    await().atMost(Duration.ofSeconds(30)).until(() -> !correlationIdsLoggedFor(leadId).isEmpty());
    assertThat(correlationIdsLoggedFor(leadId)).containsOnly(correlation.toString());
    assertThat(correlationIdsInStore(leadId)).contains(correlation);
  }

  private static String lead() {
    return """
        {"source": "SEMINAR", "person": {"name": "相関 太郎", "email": "%s@correlation.example"},
         "companyName": "株式会社相関", "consent": true}
        """
        .formatted(UUID.randomUUID());
  }

  private List<String> correlationIdsLoggedFor(UUID leadId) {
    return store.lines().stream()
        .filter(line -> line.text().contains(leadId.toString()))
        .map(line -> String.valueOf(line.correlationId()))
        .toList();
  }

  private static List<UUID> correlationIdsInStore(UUID leadId) throws Exception {
    List<UUID> ids = new ArrayList<>();
    try (Connection connection = TestDatabase.connectToServiceUnderTest();
        PreparedStatement query =
            connection.prepareStatement(
                "select correlation_id from event_store where lead_id = ? order by position")) {
      query.setObject(1, leadId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }
}
