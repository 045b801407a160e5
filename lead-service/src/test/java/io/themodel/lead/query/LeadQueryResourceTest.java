package io.themodel.lead.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.themodel.lead.LeadRequests;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class LeadQueryResourceTest {

  private static UUID capture(String source, String campaign) {
    String body =
        """
        {"source": "%s", "campaign": "%s",
         "person": {"name": "小林 六郎", "email": "%s@query.example"},
         "companyName": "株式会社クエリ", "consent": true}
        """
            .formatted(source, campaign, UUID.randomUUID());
    return LeadRequests.capture(body);
  }

  @Test
  void leads_are_listed_by_campaign_source_stage_band_and_capture_date_a_page_at_a_time() {
    String campaign = "query-" + UUID.randomUUID();
    UUID webForm = capture("WEB_FORM", campaign);
    UUID inquiry = capture("INQUIRY", campaign);
    UUID third = capture("INQUIRY", campaign);
    given()
        .contentType(ContentType.JSON)
        .body("{\"band\": \"SQL\"}")
        .post("/leads/{id}/qualification", inquiry)
        .then()
        .statusCode(200);
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    JsonPath all =
        given()
            .queryParam("campaign", campaign)
            .get("/leads")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(all.getInt("total")).isEqualTo(3);
    assertThat(all.getList("leads.leadId"))
        .containsExactlyInAnyOrder(webForm.toString(), inquiry.toString(), third.toString());

    given()
        .queryParam("campaign", campaign)
        .queryParam("source", "INQUIRY")
        .queryParam("stage", "MQL")
        .queryParam("band", "SQL")
        .queryParam("capturedFrom", today)
        .queryParam("capturedTo", today)
        .get("/leads")
        .then()
        .body("total", equalTo(1))
        .body("leads[0].leadId", equalTo(inquiry.toString()));

    JsonPath first =
        given()
            .queryParam("campaign", campaign)
            .queryParam("size", 2)
            .get("/leads")
            .then()
            .extract()
            .jsonPath();
    JsonPath second =
        given()
            .queryParam("campaign", campaign)
            .queryParam("size", 2)
            .queryParam("page", 1)
            .get("/leads")
            .then()
            .extract()
            .jsonPath();
    assertThat(first.getList("leads")).hasSize(2);
    assertThat(second.getList("leads")).hasSize(1);
    assertThat(second.getList("leads.leadId"))
        .doesNotContainAnyElementsOf(first.getList("leads.leadId"));
    given()
        .queryParam("campaign", campaign)
        .queryParam("capturedTo", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
        .get("/leads")
        .then()
        .body("total", equalTo(0));
  }

  @Test
  void leads_are_listed_by_company() {
    UUID leadId = capture("SEMINAR", "company-query");
    String companyId = given().get("/leads/{id}", leadId).then().extract().path("companyId");

    given()
        .queryParam("companyId", companyId)
        .get("/leads")
        .then()
        .statusCode(200)
        .body("leads.leadId", hasItem(leadId.toString()));
  }

  @Test
  void bad_query_parameters_are_400s_naming_the_parameter() {
    for (List<String> bad :
        List.of(
            List.of("stage", "LOST"),
            List.of("band", "HUGE"),
            List.of("source", "PIGEON"),
            List.of("companyId", "not-a-uuid"),
            List.of("capturedFrom", "yesterday"),
            List.of("size", "0"),
            List.of("page", "x"))) {
      given()
          .queryParam(bad.get(0), bad.get(1))
          .get("/leads")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem(bad.get(0)));
    }
  }

  @Test
  void a_lead_timeline_lists_its_events_in_order_and_an_unknown_lead_is_a_404() {
    UUID leadId = capture("DOWNLOAD", "timeline");
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"DOWNLOAD\"}")
        .post("/leads/{id}/activities", leadId)
        .then()
        .statusCode(200);

    given()
        .get("/leads/{id}/timeline", leadId)
        .then()
        .statusCode(200)
        .body(
            "type",
            equalTo(
                List.of(
                    "io.themodel.lead.LeadCaptured.v1",
                    "io.themodel.lead.CompanyResolved.v1",
                    "io.themodel.lead.LeadScored.v1")))
        .body("[2].data.reason", equalTo("DOWNLOAD"))
        .body("[0].actor", equalTo("marketing"));
    given().get("/leads/{id}/timeline", UUID.randomUUID()).then().statusCode(404);
  }
}
