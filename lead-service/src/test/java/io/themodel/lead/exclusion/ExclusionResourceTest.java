package io.themodel.lead.exclusion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadReincluded;
import io.themodel.lead.LeadRequests;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class ExclusionResourceTest {

  private static final String TOPIC = Department.LEAD.topic();
  private final TopicProbe topic = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private static UUID capture(String email, String title, String companyName) {
    String body =
        """
        {"source": "DOWNLOAD", "person": {"name": "田中 次郎", "email": "%s", "title": "%s"},
         "companyName": "%s", "consent": true}
        """
            .formatted(email, title, companyName);
    return LeadRequests.capture(body);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void qualify(UUID leadId, int status) {
    given()
        .contentType(ContentType.JSON)
        .body("{\"band\": \"MQL_LOW\"}")
        .post("/leads/{id}/qualification", leadId)
        .then()
        .statusCode(status);
  }

  @Test
  void a_student_is_excluded_at_capture_cannot_be_qualified_and_a_person_can_re_include_them() {
    UUID leadId = capture(unique() + "@u-tokyo.ac.jp", "研究員", "東京大学");

    CloudEvent event =
        topic.awaitEvent(TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("Excluded"));
    assertThat(((LeadExcluded) codec.decode(event)).reason()).isEqualTo(ExclusionReason.STUDENT);
    given()
        .get("/leads/{id}", leadId)
        .then()
        .body("excluded", equalTo(true))
        .body("exclusionReason", equalTo("STUDENT"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"band\": \"MQL_LOW\"}")
        .post("/leads/{id}/qualification", leadId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    given()
        .contentType(ContentType.JSON)
        .body("{\"by\": \"mk-ito\", \"note\": \"a researcher, not a student\"}")
        .post("/leads/{id}/reinclusion", leadId)
        .then()
        .statusCode(200)
        .body("excluded", equalTo(false));

    CloudEvent back =
        topic.awaitEvent(TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("Reincluded"));
    assertThat(((LeadReincluded) codec.decode(back)).by()).isEqualTo("mk-ito");
    qualify(leadId, 200);
  }

  @Test
  void a_competitor_is_excluded_by_any_spelling_of_its_name_or_by_its_domain() {
    UUID byName = capture(unique() + "@corp.example", "部長", "(株)ライバル");
    UUID byDomain = capture(unique() + "@sales.rival.example", "部長", "Someone Else KK");

    for (UUID leadId : new UUID[] {byName, byDomain}) {
      given()
          .get("/leads/{id}", leadId)
          .then()
          .body("excluded", equalTo(true))
          .body("exclusionReason", equalTo("COMPETITOR"));
    }
  }

  @Test
  void a_person_excludes_a_lead_later_once_and_only_an_excluded_lead_is_re_included() {
    UUID leadId = capture(unique() + "@corp.example", "部長", "株式会社ターゲット");

    given()
        .contentType(ContentType.JSON)
        .body("{\"by\": \"mk-ito\"}")
        .post("/leads/{id}/reinclusion", leadId)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"RETIREE\", \"detail\": \"retired last month\"}")
        .post("/leads/{id}/exclusion", leadId)
        .then()
        .statusCode(200)
        .body("excluded", equalTo(true))
        .body("exclusionReason", equalTo("RETIREE"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"RETIREE\"}")
        .post("/leads/{id}/exclusion", leadId)
        .then()
        .statusCode(409);
    qualify(leadId, 409);
  }

  @Test
  void bad_exclusion_requests_are_400s_naming_the_field_and_an_unknown_lead_is_a_404() {
    UUID leadId = capture(unique() + "@corp.example", "部長", "株式会社ターゲット");
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"TOO_TALL\"}")
        .post("/leads/{id}/exclusion", leadId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("reason"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"note\": \"who?\"}")
        .post("/leads/{id}/reinclusion", leadId)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("by"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"STUDENT\"}")
        .post("/leads/{id}/exclusion", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"by\": \"marketing-ops\"}")
        .post("/leads/{id}/reinclusion", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
