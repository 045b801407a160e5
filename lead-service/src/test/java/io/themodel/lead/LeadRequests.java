package io.themodel.lead;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** The REST calls lead-service's tests share: capturing a lead and reading its id. */
public final class LeadRequests {

  private LeadRequests() {}

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
