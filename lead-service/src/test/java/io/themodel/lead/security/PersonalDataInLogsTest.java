package io.themodel.lead.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.logging.LogCapture;
import io.themodel.testing.postgres.PostgresResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Marketing handles the most personal data: whatever a caller sends, well-formed or not, and
 * whatever arrives on a topic, the log names ids, never a person's name, email or phone.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class PersonalDataInLogsTest {

  private LogCapture log;

  @BeforeEach
  void listen() {
    log = LogCapture.of("");
  }

  @AfterEach
  void stop() {
    log.close();
  }

  @Test
  void names_emails_and_phones_never_reach_the_log() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String name = "秘密 花子" + tag;
    String email = "hanako." + tag + "@secret.example";
    String phone = "03-9999-" + tag.substring(0, 4);
    String person =
        "{\"name\":\"%s\",\"email\":\"%s\",\"phone\":\"%s\",\"title\":\"部長\"}"
            .formatted(name, email, phone);
    // a capture, a malformed capture, an import with a bad row, and a poison record
    given()
        .contentType("application/json")
        .body(
            "{\"source\":\"INQUIRY\",\"person\":%s,\"companyName\":\"株式会社秘密\",\"consent\":true}"
                .formatted(person))
        .post("/leads")
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body("{\"source\":\"NOPE\",\"person\":%s,\"companyName\":42}".formatted(person))
        .post("/leads")
        .then()
        .statusCode(400);
    given()
        .contentType("text/csv; charset=UTF-8")
        .body(
            ("name,email,phone,companyName\n%s,not-an-email-%s,%s,株式会社秘密\n")
                .formatted(name, email, phone)
                .getBytes(StandardCharsets.UTF_8))
        .post("/leads/import")
        .then()
        .statusCode(200);
    TopicProbe topics = TopicProbe.onSharedBroker();
    topics.send(Department.IS.topic(), tag, "not an event " + person);

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> log.texts().stream().anyMatch(l -> l.contains(Department.IS.topic())));
    List<String> lines = log.texts();
    assertThat(lines).isNotEmpty();
    assertThat(lines)
        .noneMatch(
            l ->
                l.contains(name)
                    || l.contains(email)
                    || l.contains(phone)
                    || l.contains(tag + "@"));
  }
}
