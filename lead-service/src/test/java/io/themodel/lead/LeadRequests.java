package io.themodel.lead;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** The REST calls lead-service's tests share: capturing a lead and reading its id. */
public final class LeadRequests {

  private LeadRequests() {}

  /** POSTs this JSON body to the path (with its path parameters) and answers the response. */
  public static ValidatableResponse post(String path, String body, Object... pathParams) {
    return given().contentType(ContentType.JSON).body(body).post(path, pathParams).then();
  }

  /** GETs the path (with its path parameters) and answers the response. */
  public static ValidatableResponse get(String path, Object... pathParams) {
    return given().get(path, pathParams).then();
  }

  /** POSTs this body to {@code /leads}, expects 201 and returns the new lead's id. */
  public static UUID capture(String body) {
    return UUID.fromString(
        given()
            .contentType(ContentType.JSON)
            .body(body)
            .post("/leads")
            .then()
            .statusCode(201)
            .extract()
            .path("leadId"));
  }
}
