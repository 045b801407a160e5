package io.themodel.success.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.success.ChurnRiskDetected;
import io.themodel.events.success.ChurnRiskRecovered;
import io.themodel.events.success.ChurnSignal;
import io.themodel.events.success.HealthScored;
import io.themodel.success.MutableClock;
import io.themodel.success.WonDeals;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class HealthCheckTest {

  private static final LocalDate DAY = LocalDate.parse("2026-07-01");

  @Inject HealthCheck healthCheck;

  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  @AfterEach
  void systemTime() {
    MutableClock.reset();
  }

  private static void today(LocalDate day) {
    MutableClock.set(Instant.parse(day + "T06:00:00Z"));
  }

  /** A month of steady use up to {@code DAY}, and an NPS answer on it. */
  private static void usage(UUID accountId, LocalDate day, int nps) {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      records.add(
          "{\"accountId\":\""
              + accountId
              + "\",\"day\":\""
              + day.minusDays(i)
              + "\",\"activeUsers\":10,\"logins\":5}");
    }
    records.add(
        "{\"accountId\":\"" + accountId + "\",\"day\":\"" + day + "\",\"npsAnswer\":" + nps + "}");
    given()
        .contentType("application/json")
        .body("{\"records\":[" + String.join(",", records) + "]}")
        .post("/usage")
        .then()
        .statusCode(200)
        .body("rejected", equalTo(0));
  }

  private CloudEvent awaitEvent(EventType type, UUID accountId) {
    return topics.awaitEvent(
        Department.SUCCESS.topic(),
        e -> accountId.equals(e.accountid()) && e.type().equals(type.typeName()));
  }

  @Test
  void the_daily_check_scores_a_detractor_at_risk_and_sees_it_recover() {
    today(DAY);
    UUID accountId = WonDeals.customerFrom(topics, LocalDate.parse("2026-05-01"), 12);
    usage(accountId, DAY, 3);

    assertThat(healthCheck.scoreAll()).isPositive();

    given()
        .get("/customers/{id}", accountId)
        .then()
        .body("healthScore", equalTo(86))
        .body("healthBand", equalTo("HEALTHY"))
        .body("atRisk", equalTo(true))
        .body("riskSignals", equalTo(List.of("DETRACTOR_NPS")));
    given()
        .queryParam("atRisk", true)
        .get("/customers")
        .then()
        .body("accountId", hasItem(accountId.toString()));
    HealthScored scored =
        (HealthScored) codec.decode(awaitEvent(EventType.HEALTH_SCORED, accountId));
    assertThat(scored.day()).isEqualTo(DAY);
    assertThat(scored.components()).isEqualTo(new HealthScored.Components(100, 100, 100, 30));
    ChurnRiskDetected risk =
        (ChurnRiskDetected) codec.decode(awaitEvent(EventType.CHURN_RISK_DETECTED, accountId));
    assertThat(risk.signals()).containsExactly(ChurnSignal.DETRACTOR_NPS);

    healthCheck.scoreAll(); // again the same day: nothing new

    today(DAY.plusDays(1));
    usage(accountId, DAY.plusDays(1), 9);
    healthCheck.scoreAll();

    ChurnRiskRecovered recovered =
        (ChurnRiskRecovered) codec.decode(awaitEvent(EventType.CHURN_RISK_RECOVERED, accountId));
    assertThat(recovered.day()).isEqualTo(DAY.plusDays(1));
    // Published in order: once the recovery is on the topic, so is every earlier scoring.
    assertThat(
            topics.events(Department.SUCCESS.topic()).stream()
                .filter(
                    e ->
                        accountId.equals(e.accountid())
                            && e.type().equals(EventType.HEALTH_SCORED.typeName())))
        .hasSize(2);
    given()
        .get("/customers/{id}", accountId)
        .then()
        .body("atRisk", equalTo(false))
        .body("healthBand", equalTo("HEALTHY"));
    given()
        .queryParam("atRisk", true)
        .get("/customers")
        .then()
        .body("accountId", not(hasItem(accountId.toString())));
    given()
        .queryParam("band", "HEALTHY")
        .get("/customers")
        .then()
        .body("accountId", hasItem(accountId.toString()));
  }
}
