package io.themodel.success.renewal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.success.Churned;
import io.themodel.events.success.Renewed;
import io.themodel.success.WonDeals;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class RenewalTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private CloudEvent awaitEvent(EventType type, UUID accountId) {
    return topics.awaitEvent(
        Department.SUCCESS.topic(),
        e -> accountId.equals(e.accountid()) && e.type().equals(type.typeName()));
  }

  private static io.restassured.response.ValidatableResponse post(
      String path, UUID accountId, String body) {
    return given().contentType("application/json").body(body).post(path, accountId).then();
  }

  @Test
  void renewals_due_in_a_period_are_the_customers_whose_term_ends_in_it() {
    UUID january = WonDeals.customerFrom(topics, LocalDate.parse("2030-01-15"), 12);
    UUID march = WonDeals.customerFrom(topics, LocalDate.parse("2030-03-10"), 12);
    UUID twoYears = WonDeals.customerFrom(topics, LocalDate.parse("2029-01-31"), 24);

    given()
        .queryParam("from", "2031-01-01")
        .queryParam("to", "2031-01-31")
        .get("/renewals")
        .then()
        .statusCode(200)
        .body("accountId", hasItems(january.toString(), twoYears.toString()))
        .body("accountId", not(hasItem(march.toString())));
  }

  @Test
  void a_renewal_publishes_the_new_term_from_the_end_of_the_current_one() {
    UUID accountId = WonDeals.customerFrom(topics, LocalDate.parse("2031-04-01"), 12);

    post(
            "/customers/{id}/renewal",
            accountId,
            "{\"termMonths\":24,\"amount\":1500000,\"currency\":\"JPY\"}")
        .statusCode(200)
        .body("contractStart", equalTo("2032-04-01"))
        .body("contractEnd", equalTo("2034-04-01"))
        .body("termMonths", equalTo(24));
    // A retry that names the term it renews is not a second renewal.
    post(
            "/customers/{id}/renewal",
            accountId,
            "{\"termStart\":\"2032-04-01\",\"termMonths\":24,\"amount\":1500000,\"currency\":\"JPY\"}")
        .statusCode(200)
        .body("contractEnd", equalTo("2034-04-01"));

    Renewed renewed = (Renewed) codec.decode(awaitEvent(EventType.RENEWED, accountId));
    assertThat(renewed.termStart()).isEqualTo(LocalDate.parse("2032-04-01"));
    assertThat(renewed.termMonths()).isEqualTo(24);
    assertThat(renewed.value().amount()).isEqualByComparingTo(new BigDecimal("1500000"));
    given()
        .queryParam("from", "2034-04-01")
        .queryParam("to", "2034-04-01")
        .get("/renewals")
        .then()
        .body("accountId", hasItem(accountId.toString()));
    assertThat(
            topics.events(Department.SUCCESS.topic()).stream()
                .filter(
                    e ->
                        accountId.equals(e.accountid())
                            && e.type().equals(EventType.RENEWED.typeName()))
                .count())
        .isEqualTo(1);
  }

  @Test
  void a_churned_customer_publishes_the_reason_and_drops_out_of_renewals() {
    UUID accountId = WonDeals.customerFrom(topics, LocalDate.parse("2032-07-01"), 12);

    post("/customers/{id}/churn", accountId, "{\"reason\":\"moved to an in-house tool\"}")
        .statusCode(200)
        .body("status", equalTo("CHURNED"))
        .body("churnReason", equalTo("moved to an in-house tool"));

    CloudEvent churned = awaitEvent(EventType.CHURNED, accountId);
    assertThat(((Churned) codec.decode(churned)).reason()).isEqualTo("moved to an in-house tool");
    assertThat(churned.leadid()).isNotNull();
    given()
        .queryParam("from", "2033-07-01")
        .queryParam("to", "2033-07-01")
        .get("/renewals")
        .then()
        .body("accountId", not(hasItem(accountId.toString())));
    post(
            "/customers/{id}/renewal",
            accountId,
            "{\"termMonths\":12,\"amount\":1,\"currency\":\"JPY\"}")
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void a_renewal_naming_the_wrong_term_start_is_a_422_naming_term_start() {
    UUID accountId = WonDeals.customerFrom(topics, LocalDate.parse("2031-05-01"), 12);
    post(
            "/customers/{id}/renewal",
            accountId,
            "{\"termStart\":\"2032-06-01\",\"termMonths\":12,\"amount\":1,\"currency\":\"JPY\"}")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("termStart"));
  }

  @Test
  void bad_renewal_and_churn_requests_are_400s_naming_each_field() {
    UUID accountId = WonDeals.customer(topics);
    post(
            "/customers/{id}/renewal",
            accountId,
            "{\"termMonths\":0,\"amount\":-5,\"currency\":\"yen\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("termMonths", "amount", "currency"));
    post("/customers/{id}/renewal", accountId, "{\"termStart\":\"soon\",\"termMonths\":12}")
        .statusCode(400)
        .body("errors.field", hasItem("termStart"));
    post("/customers/{id}/churn", accountId, "{}")
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
    post("/customers/{id}/churn", accountId, "not json").statusCode(400);
  }

  @Test
  void renewing_or_churning_an_unknown_customer_is_a_404() {
    post(
            "/customers/{id}/renewal",
            UUID.randomUUID(),
            "{\"termMonths\":12,\"amount\":1,\"currency\":\"JPY\"}")
        .statusCode(404)
        .contentType("application/problem+json");
    post("/customers/{id}/churn", UUID.randomUUID(), "{\"reason\":\"x\"}").statusCode(404);
  }

  @Test
  void the_renewal_period_must_be_two_dates_in_order() {
    given()
        .queryParam("to", "2031-01-31")
        .get("/renewals")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
    given()
        .queryParam("from", "2031-01-01")
        .queryParam("to", "January")
        .get("/renewals")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
    given()
        .queryParam("from", "2031-02-01")
        .queryParam("to", "2031-01-01")
        .get("/renewals")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("to"));
  }
}
