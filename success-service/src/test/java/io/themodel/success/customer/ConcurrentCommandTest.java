package io.themodel.success.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.events.EventType;
import io.themodel.platform.problem.ProblemMappers;
import io.themodel.success.Race;
import io.themodel.success.Race.Answer;
import io.themodel.success.Race.Post;
import io.themodel.success.WonDeals;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several clients send a conflicting command to one account at once: the event store's optimistic
 * concurrency lets one append win, the others are 409 problem+json (never a 500), and the account
 * holds exactly one event of that kind, in its stream and on the topic.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class ConcurrentCommandTest {

  static final int CLIENTS = 5;
  static final String PROBLEM_JSON = "application/problem+json";
  static final String CONCURRENT_WRITE =
      "Another change to the same resource came first; reload and retry.";

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  @TestHTTPResource("/")
  URL base;

  @Inject DataSource dataSource;

  private Race race;

  @BeforeEach
  void clients() {
    race = new Race(dataSource, base);
  }

  @AfterEach
  void stopClients() {
    race.close();
  }

  @Test
  void renewals_that_all_read_the_same_version_are_one_renewal_and_409s_for_the_rest()
      throws Exception {
    UUID accountId = WonDeals.customerFrom(topics, LocalDate.parse("2033-02-01"), 12);
    Post renewal =
        new Post(
            "/customers/" + accountId + "/renewal",
            "{\"termStart\":\"2034-02-01\",\"termMonths\":12,\"amount\":1300000,"
                + "\"currency\":\"JPY\"}");

    List<Answer> answers = race.heldAtAppend(Collections.nCopies(CLIENTS, renewal));

    assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.status() != 200)
        .hasSize(CLIENTS - 1)
        .allSatisfy(ConcurrentCommandTest::isConcurrentWrite);
    Answer renewed = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
    assertThat(renewed.body().path("contractEnd").asText()).isEqualTo("2035-02-01");

    assertThat(eventsInStream(accountId, EventType.RENEWED)).isEqualTo(1);
    given()
        .get("/customers/{id}", accountId)
        .then()
        .statusCode(200)
        .body("contractStart", equalTo("2034-02-01"))
        .body("contractEnd", equalTo("2035-02-01"));
    assertThat(eventsOnTopic(accountId, EventType.RENEWED)).isEqualTo(1);
    // A refused client reloads and retries: the renewal it names is already done, nothing new.
    given()
        .contentType("application/json")
        .body(renewal.body())
        .post(renewal.path())
        .then()
        .statusCode(200)
        .body("contractEnd", equalTo("2035-02-01"));
    assertThat(eventsInStream(accountId, EventType.RENEWED)).isEqualTo(1);
  }

  @Test
  void churn_racing_renewals_is_one_of_them_and_409s_for_the_rest() throws Exception {
    UUID accountId = WonDeals.customerFrom(topics, LocalDate.parse("2033-06-01"), 12);
    List<Post> posts = new ArrayList<>();
    posts.add(new Post("/customers/" + accountId + "/churn", "{\"reason\":\"budget cut\"}"));
    // Without termStart every renewal would be a new one: only the append guard keeps it to one.
    Post renewal =
        new Post(
            "/customers/" + accountId + "/renewal",
            "{\"termMonths\":12,\"amount\":1,\"currency\":\"JPY\"}");
    posts.addAll(Collections.nCopies(CLIENTS - 1, renewal));

    List<Answer> answers = race.heldAtAppend(posts);

    assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.status() != 200)
        .hasSize(CLIENTS - 1)
        .allSatisfy(ConcurrentCommandTest::isConcurrentWrite);
    long churned = eventsInStream(accountId, EventType.CHURNED);
    long renewed = eventsInStream(accountId, EventType.RENEWED);
    assertThat(churned + renewed).isEqualTo(1);
    assertThat(churned).isEqualTo(answers.get(0).status() == 200 ? 1 : 0);
  }

  @Test
  void advocacy_marked_by_several_clients_at_once_is_one_advocate_marked() throws Exception {
    UUID accountId = WonDeals.customer(topics);
    Post mark =
        new Post("/customers/" + accountId + "/advocacy", "{\"markedBy\":\"csm@example.com\"}");

    List<Answer> answers = race.atOnce(Collections.nCopies(CLIENTS, mark));

    // Unforced: a client that lost the append gets 409; one that read after the winner committed
    // finds the customer an advocate already (no change, 200). Never anything else.
    assertThat(answers).filteredOn(a -> a.status() == 200).isNotEmpty();
    for (Answer answer : answers) {
      if (answer.status() == 200) {
        assertThat(answer.body().path("advocate").asBoolean()).isTrue();
      } else {
        isConcurrentWrite(answer);
      }
    }
    assertThat(eventsInStream(accountId, EventType.ADVOCATE_MARKED)).isEqualTo(1);
    assertThat(eventsOnTopic(accountId, EventType.ADVOCATE_MARKED)).isEqualTo(1);
  }

  static void isConcurrentWrite(Answer answer) {
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
    assertThat(answer.body().path("status").asInt()).isEqualTo(409);
    assertThat(answer.body().path("detail").asText()).isEqualTo(CONCURRENT_WRITE);
    assertThat(answer.body().path("type").asText()).isEqualTo(ProblemMappers.CONCURRENT_WRITE);
  }

  static long eventsInStream(UUID accountId, EventType type) {
    return given()
        .get("/customers/{id}/timeline", accountId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("type", String.class)
        .stream()
        .filter(type.simpleName()::equals)
        .count();
  }

  /** Waits for the event on the topic, then counts it there (the stream holds one). */
  private long eventsOnTopic(UUID accountId, EventType type) {
    topics.awaitEvent(
        Department.SUCCESS.topic(),
        e -> accountId.equals(e.accountid()) && e.type().equals(type.typeName()));
    return topics.events(Department.SUCCESS.topic()).stream()
        .filter(e -> accountId.equals(e.accountid()) && e.type().equals(type.typeName()))
        .count();
  }
}
