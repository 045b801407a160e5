package io.themodel.lead.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.lead.LeadRequests;
import io.themodel.platform.relay.OutboxWakeUp;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class LeadResourceTest {

  private static final String TOPIC = Department.LEAD.topic();
  private final TopicProbe topic = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  static String lead(String email) {
    return """
        {"source": "INQUIRY", "campaign": "spring-seminar",
         "person": {"name": "山田 太郎", "email": "%s"},
         "companyName": "株式会社PPT", "consent": true}
        """
        .formatted(email);
  }

  static UUID capture(String body) {
    return LeadRequests.capture(body);
  }

  @Test
  void a_captured_lead_is_published_as_a_valid_cloud_event_keyed_by_the_lead() {
    UUID leadId = capture(lead("taro@example.co.jp"));

    CloudEvent event = topic.awaitEvent(TOPIC, e -> leadId.equals(e.leadid()));

    assertThat(event.type()).isEqualTo("io.themodel.lead.LeadCaptured.v1");
    assertThat(event.source()).isEqualTo("/themodel/lead-service");
    assertThat(event.subject()).isEqualTo(leadId.toString());
    assertThat(event.data().path("companyName").asText()).isEqualTo("株式会社PPT");
    assertThat(codec.decode(event)).isNotNull(); // the data passes its JSON Schema
    assertThat(
            topic.records(TOPIC).stream()
                .filter(r -> r.key().equals(leadId.toString()))
                .filter(r -> r.value().contains("io.themodel.lead.LeadCaptured.v1"))
                .count())
        .isEqualTo(1);
  }

  @Test
  void a_capture_wakes_the_relay_once_it_has_committed() throws Exception {
    try (Connection listener = TestDatabase.connectToServiceUnderTest();
        Statement listen = listener.createStatement()) {
      listen.execute("LISTEN " + OutboxWakeUp.CHANNEL);
      PGConnection notifications = listener.unwrap(PGConnection.class);
      notifications.getNotifications(1); // nothing from before counts

      capture(lead("wake-up@example.co.jp"));

      // only the wake-up after a commit notifies; the relay's poll sends nothing
      PGNotification[] arrived = notifications.getNotifications(5_000);
      assertThat(arrived).isNotEmpty();
    }
  }

  @Test
  void the_same_idempotency_key_returns_the_same_lead_without_a_second_capture() {
    String key = UUID.randomUUID().toString();
    String first =
        given()
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(lead("hanako@example.co.jp"))
            .post("/leads")
            .then()
            .statusCode(201)
            .extract()
            .path("leadId");
    String second =
        given()
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(lead("hanako@example.co.jp"))
            .post("/leads")
            .then()
            .statusCode(200)
            .extract()
            .path("leadId");

    assertThat(second).isEqualTo(first);
    topic.awaitEvent(TOPIC, e -> first.equals(String.valueOf(e.leadid())));
    topic.awaitEvent(
        TOPIC, e -> first.equals(String.valueOf(e.leadid())) && e.type().contains("Company"));
    assertThat(topic.typesOf(TOPIC, UUID.fromString(first)))
        .containsExactly("io.themodel.lead.LeadCaptured.v1", "io.themodel.lead.CompanyResolved.v1");
  }

  @Test
  void a_qualified_lead_is_handed_to_inside_sales_with_its_follow_up() {
    UUID leadId = capture(lead("jiro@example.co.jp"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"band\": \"MQL_HIGH\"}")
        .post("/leads/{id}/qualification", leadId)
        .then()
        .statusCode(200)
        .body("stage", equalTo("MQL"));

    CloudEvent mql =
        topic.awaitEvent(
            TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("MarketingQualified"));
    MarketingQualified qualified = (MarketingQualified) codec.decode(mql);
    assertThat(qualified.band().name()).isEqualTo("MQL_HIGH");
    assertThat(qualified.priority()).isEqualTo(1);
    given()
        .get("/leads/{id}", leadId)
        .then()
        .statusCode(200)
        .body("stage", equalTo("MQL"))
        .body("followUpDueAt", notNullValue());
  }

  @Test
  void malformed_json_is_a_400_problem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"source\": \"INQUIRY\", ")
        .post("/leads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", hasItem("body"));
  }

  @Test
  void a_missing_field_is_a_400_problem_naming_the_field() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"source\": \"INQUIRY\", \"person\": {\"name\": \"X\"}, \"companyName\": \"PPT\"}")
        .post("/leads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("person.email"));
  }

  @Test
  void an_unknown_source_is_a_400_problem_naming_the_field() {
    given()
        .contentType(ContentType.JSON)
        .body(lead("x@example.com").replace("INQUIRY", "CARRIER_PIGEON"))
        .post("/leads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("source"))
        .body("detail", containsString("INQUIRY"));
  }

  @Test
  void an_unknown_lead_is_a_404_problem() {
    given()
        .get("/leads/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"band\": \"SQL\"}")
        .post("/leads/{id}/qualification", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void the_lead_band_is_a_422_problem_naming_the_band() {
    UUID leadId = capture(lead("saburo@example.co.jp"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"band\": \"LEAD\"}")
        .post("/leads/{id}/qualification", leadId)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("band"));
  }

  @Test
  void concurrent_qualifications_of_one_lead_leave_exactly_one_mql_and_409s() throws Exception {
    UUID leadId = capture(lead("shiro@example.co.jp"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Callable<Integer> qualify =
          () ->
              given()
                  .contentType(ContentType.JSON)
                  .body("{\"band\": \"SQL\"}")
                  .post("/leads/{id}/qualification", leadId)
                  .statusCode();
      List<Future<Integer>> answers = pool.invokeAll(java.util.Collections.nCopies(8, qualify));
      List<Integer> statuses = answers.stream().map(LeadResourceTest::join).toList();

      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409);
    } finally {
      pool.shutdown();
    }
    topic.awaitEvent(
        TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("MarketingQualified"));
    assertThat(topic.typesOf(TOPIC, leadId))
        .containsExactly(
            "io.themodel.lead.LeadCaptured.v1",
            "io.themodel.lead.CompanyResolved.v1",
            "io.themodel.lead.MarketingQualified.v1");
  }

  private static Integer join(Future<Integer> answer) {
    try {
      return answer.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
