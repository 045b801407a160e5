package io.themodel.success;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.themodel.events.Department;
import io.themodel.events.Money;
import io.themodel.events.deal.DealWon;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/** Wins deals on Field Sales' topic and waits until they are customer accounts here. */
public final class WonDeals {

  private WonDeals() {}

  /** A won deal starting on {@code contractStart}; returns the account id once it is opened. */
  public static UUID customerFrom(TopicProbe topics, LocalDate contractStart, int termMonths) {
    UUID leadId = UUID.randomUUID();
    UUID opportunityId = UUID.randomUUID();
    DealWon won =
        new DealWon(
            leadId,
            opportunityId,
            new Money(new BigDecimal("1200000"), "JPY"),
            contractStart,
            termMonths);
    topics.send(Department.DEAL.topic(), leadId.toString(), TestEvents.cloudEvent(won));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("leadId", leadId)
                    .get("/customers")
                    .then()
                    .statusCode(200)
                    .body("$", hasSize(1)));
    return given()
        .queryParam("leadId", leadId)
        .get("/customers")
        .then()
        .extract()
        .jsonPath()
        .getUUID("[0].accountId");
  }

  /** A customer won today-ish with a one-year term. */
  public static UUID customer(TopicProbe topics) {
    return customerFrom(topics, LocalDate.parse("2026-05-01"), 12);
  }
}
