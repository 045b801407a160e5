package io.themodel.deal.forecast;

import static io.restassured.RestAssured.given;
import static io.themodel.deal.support.DealApi.accepted;
import static io.themodel.deal.support.DealApi.post;
import static io.themodel.deal.support.DealApi.tossUpArrives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.deal.support.DealApi;
import io.themodel.events.CloudEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.deal.TargetSet;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "deal_test"))
class ForecastResourceTest {

  /** The quarter deals won today fall in (the configured forecast zone is Asia/Tokyo). */
  private static Period thisQuarter() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    return Period.parse(today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1));
  }

  private static String uniqueRep() {
    return "fs-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void setTarget(String period, String rep, String amount) {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"amount\": %s, \"currency\": \"JPY\", \"rep\": \"%s\", \"setBy\": \"fs-manager\"}"
                .formatted(amount, rep))
        .put("/targets/{period}", period)
        .then()
        .statusCode(200)
        .body("period", equalTo(period))
        .body("rep", equalTo(rep));
  }

  @Test
  void the_forecast_answers_actual_weighted_pipeline_target_and_the_gap_to_the_kgi() {
    Period quarter = thisQuarter();
    String rep = uniqueRep();
    setTarget(quarter.name(), rep, "152540000");
    post(
            "won",
            accepted(rep),
            "{\"amount\": 124030000, \"currency\": \"JPY\", \"contractStart\": \"2026-05-01\","
                + " \"termMonths\": 12}")
        .statusCode(200);
    post(
            "stage",
            accepted(rep),
            """
            {"stage": "1", "amount": 10000000, "currency": "JPY", "expectedCloseDate": "%s",
             "checks": ["BANT"], "changedBy": "%s"}
            """
                .formatted(quarter.end().minusDays(1), rep))
        .statusCode(200);
    post(
            "stage",
            accepted(rep),
            """
            {"stage": "2", "amount": 99000000, "currency": "JPY", "expectedCloseDate": "%s",
             "checks": ["BANT", "QUOTE_PRESENTED"], "changedBy": "%s"}
            """
                .formatted(quarter.end().plusDays(1), rep))
        .statusCode(200); // closes next quarter: not in this one's pipeline

    given()
        .config(DealApi.DECIMALS)
        .queryParam("period", quarter.name())
        .queryParam("rep", rep)
        .get("/forecast")
        .then()
        .statusCode(200)
        .body("currency", equalTo("JPY"))
        .body("actual", comparesEqualTo(new BigDecimal("124030000")))
        .body("weightedPipeline", comparesEqualTo(new BigDecimal("5000000")))
        .body("forecast", comparesEqualTo(new BigDecimal("129030000")))
        .body("target", comparesEqualTo(new BigDecimal("152540000")))
        .body("gap", comparesEqualTo(new BigDecimal("28510000")))
        .body("forecastGap", comparesEqualTo(new BigDecimal("23510000")));
  }

  @Test
  void a_team_forecast_adds_up_its_configured_reps_against_the_team_target() {
    String period = "2029-Q1";
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"amount\": 30000000, \"currency\": \"JPY\", \"team\": \"tokyo-enterprise\","
                + " \"setBy\": \"fs-manager\"}")
        .put("/targets/{period}", period)
        .then()
        .statusCode(200)
        .body("team", equalTo("tokyo-enterprise"));
    for (String rep : new String[] {"fs-team-a", "fs-team-b", uniqueRep()}) {
      post(
              "stage",
              accepted(rep),
              """
              {"stage": "2", "amount": 10000000, "currency": "JPY",
               "expectedCloseDate": "2029-02-15", "checks": ["BANT", "QUOTE_PRESENTED"],
               "changedBy": "%s"}
              """
                  .formatted(rep))
          .statusCode(200);
    }

    given()
        .config(DealApi.DECIMALS)
        .queryParam("period", period)
        .queryParam("team", "tokyo-enterprise")
        .get("/forecast")
        .then()
        .statusCode(200)
        .body("actual", hasToString("0")) // nothing won yet: an exact zero
        .body("weightedPipeline", comparesEqualTo(new BigDecimal("16000000")))
        .body("target", comparesEqualTo(new BigDecimal("30000000")))
        .body("forecastGap", comparesEqualTo(new BigDecimal("14000000")));
    given()
        .queryParam("period", period)
        .queryParam("team", "osaka")
        .get("/forecast")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("team"));
  }

  @Test
  void a_target_is_published_as_an_event_about_no_lead_and_listed_by_period() {
    String rep = uniqueRep();
    setTarget("2027-04", rep, "3000000");
    CloudEvent event =
        DealApi.topics()
            .awaitEvent(
                DealApi.DEAL_TOPIC,
                e ->
                    e.type().contains("TargetSet")
                        && Target.streamId("2027-04", null, rep).equals(e.subject()));
    assertThat(event.leadid()).isNull();
    TargetSet set = (TargetSet) new EventCodec().decode(event);
    assertThat(set.rep()).isEqualTo(rep);
    assertThat(set.amount().amount()).isEqualByComparingTo("3000000");
    given().get("/targets?period=2027-04").then().body("rep", hasItem(rep));
  }

  @Test
  void a_period_without_target_has_a_forecast_but_no_gap() {
    given()
        .queryParam("period", "2031-01")
        .get("/forecast")
        .then()
        .statusCode(200)
        .body("target", nullValue())
        .body("gap", nullValue());
  }

  @Test
  void a_bad_period_is_a_400_naming_period_and_a_target_of_zero_a_422_naming_amount() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"amount\": 1, \"currency\": \"JPY\", \"setBy\": \"fs-manager\"}")
        .put("/targets/{period}", "2026-Q5")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("period"));
    given()
        .get("/forecast?period=soon")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("period"));
    given().get("/forecast").then().statusCode(400).body("errors.field", hasItem("period"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"amount\": 0, \"currency\": \"JPY\", \"setBy\": \"fs-manager\"}")
        .put("/targets/{period}", "2026-Q2")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("amount"));
  }

  @Test
  void the_load_per_rep_counts_toss_ups_awaiting_an_answer_and_deals_in_progress() {
    String rep = uniqueRep();
    tossUpArrives(rep);
    tossUpArrives(rep);
    accepted(rep);
    post(
            "won",
            accepted(rep),
            "{\"amount\": 1000, \"currency\": \"JPY\", \"contractStart\": \"2026-05-01\","
                + " \"termMonths\": 12}")
        .statusCode(200);
    post(
            "rejection",
            tossUpArrives(rep),
            "{\"reason\": \"NO_BUDGET\", \"rejectedBy\": \"" + rep + "\"}")
        .statusCode(200);

    given()
        .get("/reps/load")
        .then()
        .statusCode(200)
        .body("find { it.rep == '%s' }.openDeals".formatted(rep), equalTo(3))
        .body("find { it.rep == '%s' }.awaitingAcceptance".formatted(rep), equalTo(2))
        .body("find { it.rep == '%s' }.inProgress".formatted(rep), equalTo(1));
  }
}
