package io.themodel.lead.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadTouched;
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
class LeadTouchTest {

  private static final String TOPIC = Department.LEAD.topic();
  private final TopicProbe topic = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private static String lead(String source, String campaign, String email) {
    return """
        {"source": "%s", "campaign": "%s",
         "person": {"name": "鈴木 一郎", "email": "%s"},
         "companyName": "株式会社タッチ", "consent": true}
        """
        .formatted(source, campaign, email);
  }

  private static String post(String body, String key, int status) {
    var request = given().contentType(ContentType.JSON).body(body);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.post("/leads").then().statusCode(status).extract().path("leadId");
  }

  @Test
  void re_sending_a_known_email_records_a_new_touch_on_the_existing_lead_not_a_second_lead() {
    String email = "ichiro." + UUID.randomUUID() + "@touch.example";
    String first = post(lead("SEMINAR", "spring-seminar", email), null, 201);

    String again =
        post(lead("DOWNLOAD", "whitepaper", email.toUpperCase(java.util.Locale.ROOT)), null, 200);

    assertThat(again).isEqualTo(first);
    UUID leadId = UUID.fromString(first);
    CloudEvent event =
        topic.awaitEvent(TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("Touched"));
    LeadTouched touched = (LeadTouched) codec.decode(event);
    assertThat(touched.source()).isEqualTo(LeadSource.DOWNLOAD);
    assertThat(touched.campaign()).isEqualTo("whitepaper");
    assertThat(topic.typesOf(TOPIC, leadId)).filteredOn(t -> t.contains("LeadCaptured")).hasSize(1);
    given()
        .get("/leads/{id}", leadId)
        .then()
        .statusCode(200)
        .body("touches", equalTo(2))
        .body("source", equalTo("SEMINAR"));
  }

  @Test
  void a_retried_touch_with_the_same_idempotency_key_is_recorded_once() {
    String email = "jiro." + UUID.randomUUID() + "@touch.example";
    String first =
        post(lead("SEMINAR", "spring-seminar", email), UUID.randomUUID().toString(), 201);
    String key = UUID.randomUUID().toString();

    assertThat(post(lead("INQUIRY", "contact-form", email), key, 200)).isEqualTo(first);
    assertThat(post(lead("INQUIRY", "contact-form", email), key, 200)).isEqualTo(first);

    UUID leadId = UUID.fromString(first);
    topic.awaitEvent(TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("Touched"));
    given().get("/leads/{id}", leadId).then().body("touches", equalTo(2));
    assertThat(topic.typesOf(TOPIC, leadId)).filteredOn(t -> t.contains("Touched")).hasSize(1);
  }
}
