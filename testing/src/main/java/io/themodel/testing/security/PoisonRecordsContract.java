package io.themodel.testing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.logging.LogCapture;
import io.themodel.testing.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publishes poison records (not JSON, not CloudEvents, an unknown type, data that fails its schema,
 * a wrong spec version) between two valid events on every topic the service consumes (found from
 * its {@code mp.messaging.incoming.*.topic} configuration) and checks that both valid events are
 * applied, every poison record is in the topic's dead-letter topic with the reason, and nothing is
 * lost. The poison carries a person's name, email and phone, and no log line of the service may
 * quote them: the log names ids and reasons, never personal data. A service's test extends this
 * with {@code @QuarkusTest}.
 */
public abstract class PoisonRecordsContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  // a person, unique to this run, whom the poison records name
  private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
  private static final String NAME = "秘密 花子" + TAG;
  private static final String EMAIL = "hanako." + TAG + "@secret.example";
  private static final String PHONE = "03-9999-" + TAG.substring(0, 4);

  private LogCapture log;

  @BeforeEach
  void listen() {
    log = LogCapture.of("");
  }

  @AfterEach
  void stopListening() {
    log.close();
  }

  /** Whether the service applied the event: by default, its inbox recorded it as processed. */
  protected boolean applied(UUID eventId) {
    return exists("select 1 from processed_event where event_id = ?", eventId);
  }

  @Test
  void poison_records_go_to_the_dead_letter_topic_and_the_valid_ones_around_them_are_applied() {
    List<String> consumed = consumedTopics();
    assertThat(consumed).as("topics the service consumes").isNotEmpty();
    List<UUID> valid = new ArrayList<>();
    List<String> markers = new ArrayList<>();
    for (String topic : consumed) {
      Department department = departmentOf(topic);
      UUID lead = UUID.randomUUID();
      valid.add(send(topic, department, lead));
      for (String poison : poison(department)) {
        String marker = UUID.randomUUID().toString();
        markers.add(topic + " " + marker);
        topics.send(topic, lead.toString(), poison.replace("MARKER", marker));
      }
      valid.add(send(topic, department, lead));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              assertThat(valid).allMatch(this::applied);
              List<String> parked = new ArrayList<>();
              for (String topic : consumed) {
                for (ConsumerRecord<String, String> record : topics.records(topic + ".dlq")) {
                  boolean reasoned =
                      StreamSupport.stream(record.headers().spliterator(), false)
                          .anyMatch(h -> h.key().startsWith("dead-letter-reason"));
                  if (reasoned && record.value() != null) {
                    markers.stream()
                        .filter(m -> m.startsWith(topic + " "))
                        .filter(m -> record.value().contains(m.substring(topic.length() + 1)))
                        .forEach(parked::add);
                  }
                }
              }
              assertThat(parked).containsExactlyInAnyOrderElementsOf(markers);
            });
    List<String> logged = log.texts();
    assertThat(logged).as("log lines while the poison was read").isNotEmpty();
    assertThat(logged)
        .as("log lines that quote the person in the poison")
        .noneMatch(
            line ->
                line.contains(NAME)
                    || line.contains(EMAIL)
                    || line.contains(PHONE)
                    || line.contains(TAG + "@"));
  }

  private UUID send(String topic, Department department, UUID lead) {
    FeedbackGiven event = TestEvents.feedbackGiven(department, FeedbackParty.PRODUCT, lead);
    UUID id = UUID.randomUUID();
    topics.send(topic, lead.toString(), TestEvents.cloudEvent(event, id, Instant.now()));
    return id;
  }

  /**
   * Records no consumer can read; each carries MARKER so that it can be found in the DLQ, and a
   * person's name, email and phone, which must not reach the log.
   */
  private static List<String> poison(Department department) {
    ObjectNode valid = valid(department);
    ObjectNode unknownType = valid.deepCopy().put("type", "io.themodel.Unknown.MARKER.v1");
    unknownType.withObject("/data").put("email", EMAIL).put("name", NAME);
    ObjectNode oldSpec = valid.deepCopy().put("specversion", "0.3").put("subject", "MARKER");
    oldSpec.withObject("/data").put("phone", PHONE);
    ObjectNode badData = valid.deepCopy();
    badData
        .putObject("data")
        .put("marker", "MARKER")
        .put("givenBy", EMAIL)
        .put("leadId", NAME)
        .putObject("person")
        .put("name", NAME)
        .put("email", EMAIL)
        .put("phone", PHONE);
    ObjectNode badId = valid.deepCopy().put("id", EMAIL).put("subject", "MARKER");
    return List.of(
        "not json at all MARKER",
        EMAIL + " " + NAME + " " + PHONE + " MARKER",
        "{\"email\": \"" + EMAIL + "\", \"phone\": " + PHONE + " MARKER",
        "[\"MARKER\", \"" + EMAIL + "\"]",
        "{\"marker\": \"MARKER\", \"name\": \"" + NAME + "\"}",
        unknownType.toString(),
        oldSpec.toString(),
        badData.toString(),
        badId.toString(),
        new String(new byte[] {(byte) 0xC3, 0x28}, StandardCharsets.ISO_8859_1)
            + "MARKER "
            + EMAIL);
  }

  private static ObjectNode valid(Department department) {
    try {
      return (ObjectNode)
          JSON.readTree(
              TestEvents.cloudEvent(
                  TestEvents.feedbackGiven(department, FeedbackParty.PRODUCT, UUID.randomUUID())));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> consumedTopics() {
    Config config = ConfigProvider.getConfig();
    List<String> consumed = new ArrayList<>();
    for (String name : config.getPropertyNames()) {
      if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
        consumed.add(config.getValue(name, String.class));
      }
    }
    return consumed.stream().distinct().sorted().toList();
  }

  private static Department departmentOf(String topic) {
    for (Department department : Department.values()) {
      if (department.topic().equals(topic)) {
        return department;
      }
    }
    throw new IllegalArgumentException("no department publishes " + topic);
  }

  /** Whether {@code sql} with the id finds a row in the service's own database. */
  protected static boolean exists(String sql, UUID id) {
    return TestDatabase.foundInServiceUnderTest(sql, id);
  }
}
