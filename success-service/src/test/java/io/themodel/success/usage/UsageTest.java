package io.themodel.success.usage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.success.UsageRecorded;
import io.themodel.success.Race;
import io.themodel.success.Race.Answer;
import io.themodel.success.Race.Post;
import io.themodel.success.WonDeals;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class UsageTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  @TestHTTPResource("/")
  URL base;

  @Inject DataSource dataSource;

  private static String batch(String... records) {
    return "{\"records\":[" + String.join(",", records) + "]}";
  }

  private List<UsageRecorded> usageOf(UUID accountId) {
    return topics.events(Department.SUCCESS.topic()).stream()
        .filter(
            e ->
                accountId.equals(e.accountid())
                    && e.type().equals(EventType.USAGE_RECORDED.typeName()))
        .map(e -> (UsageRecorded) codec.decode(e))
        .toList();
  }

  @Test
  void a_usage_batch_is_reported_record_by_record_and_a_re_sent_batch_changes_nothing() {
    UUID accountId = WonDeals.customer(topics);
    String body =
        batch(
            "{\"accountId\":\""
                + accountId
                + "\",\"day\":\"2026-06-01\",\"activeUsers\":42,"
                + "\"logins\":97,\"featureUsed\":\"reports\",\"supportTickets\":1,\"npsAnswer\":9}",
            "{\"accountId\":\"" + accountId + "\",\"day\":\"2026-06-02\",\"activeUsers\":40}",
            "{\"accountId\":\"" + UUID.randomUUID() + "\",\"day\":\"2026-06-02\",\"logins\":3}",
            "{\"accountId\":\"" + accountId + "\",\"day\":\"2026-06-02\",\"activeUsers\":41}");

    given()
        .contentType("application/json")
        .body(body)
        .post("/usage")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(2))
        .body("duplicates", equalTo(0))
        .body("rejected", equalTo(2))
        .body("records.outcome", contains("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED"))
        .body("records[2].reason", startsWith("no customer"))
        .body("records[3].reason", equalTo("active-users is already recorded as 40 for that day"));

    CloudEvent first =
        topics.awaitEvent(
            Department.SUCCESS.topic(),
            e ->
                accountId.equals(e.accountid())
                    && e.type().equals(EventType.USAGE_RECORDED.typeName()));
    assertThat(first.leadid()).isNotNull();

    given()
        .contentType("application/json")
        .body(body)
        .post("/usage")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(0))
        .body("duplicates", equalTo(2))
        .body("rejected", equalTo(2));

    // One more, sent after the re-send: once it is on the topic, the re-send added nothing.
    given()
        .contentType("application/json")
        .body(batch("{\"accountId\":\"" + accountId + "\",\"day\":\"2026-06-03\",\"logins\":5}"))
        .post("/usage")
        .then()
        .body("accepted", equalTo(1));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(usageOf(accountId))
                    .extracting(u -> u.day().toString())
                    .containsExactly("2026-06-01", "2026-06-02", "2026-06-03"));
    assertThat(usageOf(accountId).get(0).featureUsed()).isEqualTo("reports");
  }

  @Test
  void a_batch_must_hold_between_one_and_ten_thousand_records() {
    given()
        .contentType("application/json")
        .body("{\"records\":[]}")
        .post("/usage")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("records"));
    String tooMany =
        IntStream.range(0, 10_001)
            .mapToObj(i -> "{\"logins\":1}")
            .collect(Collectors.joining(",", "{\"records\":[", "]}"));
    given()
        .contentType("application/json")
        .body(tooMany)
        .post("/usage")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("records"));
    given()
        .contentType("application/json")
        .body("{\"records\":[{\"day\":\"yesterday\"}]}")
        .post("/usage")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("records[0].day"));
    given().contentType("application/json").body("{}").post("/usage").then().statusCode(400);
  }

  @Test
  void two_batches_for_one_account_at_once_are_one_batch_and_a_409_whose_re_send_is_recorded()
      throws Exception {
    UUID accountId = WonDeals.customer(topics);
    List<String> days = List.of("2026-06-10", "2026-06-11");
    List<String> batches =
        days.stream()
            .map(
                day ->
                    batch(
                        "{\"accountId\":\""
                            + accountId
                            + "\",\"day\":\""
                            + day
                            + "\",\"activeUsers\":12}"))
            .toList();
    List<Answer> answers;
    try (Race race = new Race(dataSource, base)) {
      answers = race.heldAtAppend(batches.stream().map(b -> new Post("/usage", b)).toList());
    }

    assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
    Answer refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    // nothing of the refused batch was kept: re-sent, it is recorded
    given()
        .contentType("application/json")
        .body(batches.get(answers.indexOf(refused)))
        .post("/usage")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1))
        .body("duplicates", equalTo(0));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(usageOf(accountId))
                    .extracting(u -> u.day().toString())
                    .containsExactlyInAnyOrderElementsOf(days));
  }
}
