package io.themodel.lead.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.lead.LeadRequests;
import io.themodel.testing.security.ValidCalls;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A valid call of every lead-service operation, for the access matrix and the fuzz test. Each lead
 * is captured with its own company name and email domain, so that it is its own company in the
 * golden master (a shared domain would gather every lead of the run into one company).
 */
final class LeadServiceCalls implements ValidCalls {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  public Map<String, Supplier<Call>> calls() {
    Map<String, Supplier<Call>> calls = new LinkedHashMap<>();
    calls.put(
        "POST /leads",
        () ->
            Call.json("POST", "/leads", lead(tag()))
                .withHeader("Idempotency-Key", UUID.randomUUID().toString()));
    calls.put(
        "POST /leads/import",
        () -> {
          String tag = tag();
          return Call.text(
                  "POST",
                  "/leads/import",
                  "text/csv; charset=UTF-8",
                  "name,email,companyName,title,source,campaign,consent\n"
                      + "輸入 太郎,%s,株式会社輸入%s,部長,SEMINAR,autumn-list,true\n"
                          .formatted(email(tag), tag))
              .withHeader("Idempotency-Key", UUID.randomUUID().toString());
        });
    calls.put("GET /leads", () -> Call.get("/leads?stage=CAPTURED&source=INQUIRY&page=0&size=10"));
    calls.put("GET /leads/{leadId}", () -> Call.get("/leads/" + capture()));
    calls.put("GET /leads/{leadId}/timeline", () -> Call.get("/leads/" + capture() + "/timeline"));
    calls.put(
        "POST /leads/{leadId}/activities",
        () ->
            Call.json(
                "POST",
                "/leads/" + capture() + "/activities",
                JSON.objectNode().put("type", "PAGE_VIEW").put("count", 3)));
    calls.put(
        "POST /leads/{leadId}/qualification",
        () ->
            Call.json(
                "POST",
                "/leads/" + capture() + "/qualification",
                JSON.objectNode().put("band", "MQL_LOW")));
    calls.put(
        "POST /leads/{leadId}/exclusion",
        () ->
            Call.json(
                "POST",
                "/leads/" + capture() + "/exclusion",
                JSON.objectNode()
                    .put("reason", "COMPETITOR")
                    .put("detail", "Works for a competitor's reseller.")));
    calls.put(
        "POST /leads/{leadId}/reinclusion",
        () ->
            Call.json(
                "POST",
                "/leads/" + excluded() + "/reinclusion",
                JSON.objectNode().put("by", "mkt-sato").put("note", "The reseller became ours.")));
    calls.put(
        "POST /leads/{leadId}/merger",
        () -> {
          UUID absorbed = capture();
          return Call.json(
              "POST",
              "/leads/" + capture() + "/merger",
              JSON.objectNode()
                  .put("absorbedLeadId", absorbed.toString())
                  .put("by", "mkt-sato")
                  .put("note", "The same person, entered twice."));
        });
    calls.put(
        "GET /companies",
        () -> {
          String tag = tag();
          LeadRequests.capture(lead(tag).toString());
          return Call.get("/companies?q=" + companyName(tag));
        });
    calls.put("GET /companies/{companyId}", () -> Call.get("/companies/" + companyOf(capture())));
    calls.put(
        "POST /companies/{companyId}/merger",
        () -> {
          UUID absorbed = companyOf(capture());
          return Call.json(
              "POST",
              "/companies/" + companyOf(capture()) + "/merger",
              JSON.objectNode()
                  .put("absorbedCompanyId", absorbed.toString())
                  .put("by", "mkt-sato")
                  .put("note", "Two spellings of one company."));
        });
    // Marketing receives feedback from Inside Sales, Field Sales and Customer Success, on topics it
    // reads; Inside Sales' is the customer's voice.
    calls.putAll(ValidCalls.feedback(Department.IS, FeedbackParty.MARKETING));
    return calls;
  }

  /** A capture as a web inquiry delivers it: every field, including the company profile. */
  static ObjectNode lead(String tag) {
    ObjectNode body = JSON.objectNode();
    body.put("source", "INQUIRY");
    body.put("campaign", "autumn-webinar");
    body.putObject("person")
        .put("name", "Fuzz Tester")
        .put("email", email(tag))
        .put("phone", "03-1234-5678")
        .put("title", "manager");
    body.put("companyName", companyName(tag));
    body.put("consent", true);
    body.putObject("company").put("employees", 300).put("industry", "manufacturing");
    return body;
  }

  private static String tag() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String email(String tag) {
    return "fuzz." + tag + "@c" + tag + ".example.co.jp";
  }

  private static String companyName(String tag) {
    return "株式会社ファズ" + tag;
  }

  private static UUID capture() {
    return LeadRequests.capture(lead(tag()).toString());
  }

  private static UUID excluded() {
    UUID leadId = capture();
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"STUDENT\"}")
        .post("/leads/{id}/exclusion", leadId)
        .then()
        .statusCode(200);
    return leadId;
  }

  private static UUID companyOf(UUID leadId) {
    return UUID.fromString(LeadRequests.get("/leads/{id}", leadId).extract().path("companyId"));
  }
}
