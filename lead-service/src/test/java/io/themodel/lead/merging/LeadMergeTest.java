package io.themodel.lead.merging;

import static io.themodel.lead.LeadRequests.get;
import static io.themodel.lead.LeadRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.is.Disqualified;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadsMerged;
import io.themodel.events.lead.RecycleKind;
import io.themodel.lead.LeadRequests;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class LeadMergeTest {

  private static final String TOPIC = Department.LEAD.topic();
  private final TopicProbe topic = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private static String captureBody(String email) {
    return """
        {"source": "WEB_FORM", "person": {"name": "中村 五郎", "email": "%s"},
         "companyName": "株式会社マージ", "consent": true}
        """
        .formatted(email);
  }

  private static String email() {
    return UUID.randomUUID() + "@merge.example";
  }

  private static UUID capture(String email) {
    return LeadRequests.capture(captureBody(email));
  }

  private static void activity(UUID leadId, String type, int count) {
    post(
            "/leads/{id}/activities",
            "{\"type\": \"%s\", \"count\": %d}".formatted(type, count),
            leadId)
        .statusCode(200);
  }

  private static String merger(UUID absorbed) {
    return "{\"absorbedLeadId\": \"%s\", \"by\": \"mkt-sato\", \"note\": \"registered twice\"}"
        .formatted(absorbed);
  }

  @Test
  void merging_folds_the_absorbed_leads_score_and_touches_into_the_survivor_and_ends_it() {
    UUID survivor = capture(email());
    activity(survivor, "PAGE_VIEW", 5);
    String absorbedEmail = email();
    UUID absorbed = capture(absorbedEmail);
    activity(absorbed, "SEMINAR_ATTENDED", 1);
    post("/leads", captureBody(absorbedEmail)).statusCode(200); // a second touch

    post("/leads/{id}/merger", merger(absorbed), survivor)
        .statusCode(200)
        .body("leadId", equalTo(survivor.toString()))
        .body("score", equalTo(30))
        .body("touches", equalTo(3));

    get("/leads/{id}", absorbed)
        .statusCode(200)
        .body("stage", equalTo("MERGED"))
        .body("mergedInto", equalTo(survivor.toString()));
    CloudEvent merged =
        topic.awaitEvent(
            TOPIC, e -> absorbed.equals(e.leadid()) && e.type().contains("LeadsMerged"));
    LeadsMerged event = (LeadsMerged) codec.decode(merged);
    assertThat(event.survivorLeadId()).isEqualTo(survivor);
    assertThat(event.by()).isEqualTo("mkt-sato");
    assertThat(event.survivorCompanyId()).isNotNull();
    CloudEvent scored =
        topic.awaitEvent(
            TOPIC,
            e -> survivor.equals(e.leadid()) && e.data().path("reason").asText().equals("MERGE"));
    assertThat(((LeadScored) codec.decode(scored)).delta()).isEqualTo(25);
  }

  @Test
  void later_commands_on_the_absorbed_lead_are_409s_naming_the_survivor_and_its_email_touches_it() {
    UUID survivor = capture(email());
    String absorbedEmail = email();
    UUID absorbed = capture(absorbedEmail);
    post("/leads/{id}/merger", merger(absorbed), survivor).statusCode(200);

    post("/leads/{id}/activities", "{\"type\": \"INQUIRY\"}", absorbed)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString(survivor.toString()))
        .body("errors.field", hasItem("leadId"));
    post("/leads/{id}/qualification", "{\"band\": \"MQL_HIGH\"}", absorbed).statusCode(409);

    post("/leads", captureBody(absorbedEmail))
        .statusCode(200)
        .body("leadId", equalTo(survivor.toString()))
        .body("touches", equalTo(3));
  }

  @Test
  void another_departments_event_about_the_absorbed_lead_is_applied_to_the_survivor() {
    UUID survivor = capture(email());
    UUID absorbed = capture(email());
    post("/leads/{id}/merger", merger(absorbed), survivor).statusCode(200);

    topic.send(
        Department.IS.topic(),
        absorbed.toString(),
        TestEvents.cloudEvent(
            new Disqualified(absorbed, "no budget this fiscal year", "is-suzuki"),
            UUID.randomUUID(),
            Instant.now()));

    CloudEvent recycled =
        topic.awaitEvent(
            TOPIC, e -> survivor.equals(e.leadid()) && e.type().contains("LeadRecycled"));
    assertThat(((LeadRecycled) codec.decode(recycled)).kind()).isEqualTo(RecycleKind.A);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> get("/leads/{id}", survivor).body("stage", equalTo("NURTURING")));
    assertThat(topic.typesOf(TOPIC, absorbed)).noneMatch(t -> t.contains("LeadRecycled"));
  }

  @Test
  void merging_a_lead_into_itself_is_a_422_naming_absorbed_lead_id() {
    UUID lead = capture(email());
    post("/leads/{id}/merger", merger(lead), lead)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("absorbedLeadId"));
  }

  @Test
  void unknown_leads_are_404s_naming_the_field() {
    UUID lead = capture(email());
    post("/leads/{id}/merger", merger(UUID.randomUUID()), lead)
        .statusCode(404)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("absorbedLeadId"));
    post("/leads/{id}/merger", merger(lead), UUID.randomUUID())
        .statusCode(404)
        .body("errors.field", hasItem("leadId"));
  }

  @Test
  void merging_an_already_merged_lead_or_into_one_is_a_409_naming_the_field() {
    UUID survivor = capture(email());
    UUID absorbed = capture(email());
    UUID third = capture(email());
    post("/leads/{id}/merger", merger(absorbed), survivor).statusCode(200);

    post("/leads/{id}/merger", merger(absorbed), third)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("absorbedLeadId"))
        .body("detail", containsString(survivor.toString()));
    post("/leads/{id}/merger", merger(third), absorbed)
        .statusCode(409)
        .body("errors.field", hasItem("leadId"))
        .body("detail", containsString(survivor.toString()));
  }

  @Test
  void a_merger_without_the_absorbed_lead_or_the_person_is_a_400_naming_the_field() {
    UUID lead = capture(email());
    post("/leads/{id}/merger", "{\"by\": \"mkt-sato\"}", lead)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("absorbedLeadId"));
    post("/leads/{id}/merger", "{\"absorbedLeadId\": \"%s\"}".formatted(UUID.randomUUID()), lead)
        .statusCode(400)
        .body("errors.field", hasItem("by"));
    post("/leads/{id}/merger", "{\"absorbedLeadId\": \"not-a-uuid\", \"by\": \"x\"}", lead)
        .statusCode(400)
        .body("errors.field", hasItem("absorbedLeadId"));
  }
}
