package io.themodel.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.themodel.events.feedback.FeedbackParty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code asyncapi.yaml} documents the whole catalogue, so a new event type or topic cannot be
 * published without analytics consumers being told.
 */
class AsyncApiDocumentTest {

  private static final Path DOCUMENT = Path.of("asyncapi.yaml");
  private static JsonNode asyncApi;

  @BeforeAll
  static void parse() throws IOException {
    asyncApi = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
  }

  @Test
  void the_document_is_asyncapi_3() {
    assertThat(asyncApi.path("asyncapi").asText()).startsWith("3.0.");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void every_catalogued_type_is_a_cloudevents_message_on_its_departments_topic(EventType type) {
    JsonNode message = message(type.typeName()).orElseThrow(() -> missing(type));

    assertThat(message.path("contentType").asText()).isEqualTo(CloudEvent.CONTENT_TYPE);
    for (Department publisher : Department.values()) {
      if (publishers(type).contains(publisher)) {
        assertThat(messageNamesOn(publisher.topic())).contains(type.typeName());
      } else {
        assertThat(messageNamesOn(publisher.topic())).doesNotContain(type.typeName());
      }
    }
  }

  /**
   * The departments that can publish this type: its department, or for feedback every giver (any
   * department may give feedback to product) and every receiver (a department some other one can
   * give feedback to).
   */
  private static Set<Department> publishers(EventType type) {
    if (type.fixedDepartment().isPresent()) {
      return EnumSet.of(type.fixedDepartment().get());
    }
    Set<Department> publishers = EnumSet.noneOf(Department.class);
    for (Department giver : Department.values()) {
      for (FeedbackParty to : FeedbackParty.values()) {
        if (to.receivesFrom(giver)) {
          if (type == EventType.FEEDBACK_GIVEN) {
            publishers.add(giver);
          } else {
            to.department().ifPresent(publishers::add);
          }
        }
      }
    }
    return publishers;
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void every_message_pins_its_envelope_and_refers_to_its_schema_file(EventType type) {
    JsonNode message = message(type.typeName()).orElseThrow(() -> missing(type));
    JsonNode envelope = message.path("payload").path("allOf");
    JsonNode pinned = envelope.get(1).path("properties");
    String dataRef = pinned.path("data").path("$ref").asText();

    assertThat(envelope.get(0).path("$ref").asText()).isEqualTo("#/components/schemas/CloudEvent");
    assertThat(pinned.path("type").path("const").asText()).isEqualTo(type.typeName());
    List<String> sources = new ArrayList<>();
    if (pinned.path("source").has("const")) {
      sources.add(pinned.path("source").path("const").asText());
    }
    pinned.path("source").path("enum").forEach(source -> sources.add(source.asText()));
    assertThat(sources)
        .containsExactlyInAnyOrderElementsOf(
            publishers(type).stream().map(Department::source).toList());
    assertThat(pinned.path("dataschema").path("const").asText()).isEqualTo(type.dataSchema());
    assertThat(dataRef).isEqualTo("./src/main/resources/schemas/" + type.schemaFile());
    assertThat(DOCUMENT.resolveSibling(dataRef)).exists();
    assertThat(resolve(message.path("bindings")).path("kafka").path("key").path("$ref").asText())
        .isEqualTo("#/components/schemas/JourneyKey");
  }

  @Test
  void every_documented_event_message_is_in_the_catalogue() {
    List<String> names = new ArrayList<>();
    asyncApi.path("components").path("messages").forEach(m -> names.add(m.path("name").asText()));
    names.remove("DeadLetter");

    assertThat(names)
        .allSatisfy(name -> assertThat(EventType.byTypeName(name)).as(name).isPresent());
  }

  @ParameterizedTest
  @EnumSource(Department.class)
  void every_topic_is_kept_forever_and_never_compacted(Department department) {
    for (String topic : List.of(department.topic(), department.deadLetterTopic())) {
      JsonNode kafka = resolve(channel(topic).path("bindings")).path("kafka");
      JsonNode config = kafka.path("topicConfiguration");

      assertThat(config.path("retention.ms").asLong()).as(topic).isEqualTo(-1);
      assertThat(config.path("cleanup.policy").toString()).as(topic).isEqualTo("[\"delete\"]");
    }
  }

  @ParameterizedTest
  @EnumSource(Department.class)
  void every_dead_letter_topic_carries_the_error_in_its_headers(Department department) {
    List<String> names = messageNamesOn(department.deadLetterTopic());
    assertThat(names).containsExactly("DeadLetter");
    JsonNode headers =
        resolve(message("DeadLetter").orElseThrow().path("headers")).path("properties");

    assertThat(headers.fieldNames())
        .toIterable()
        .contains(
            "dead-letter-reason",
            "dead-letter-cause",
            "dead-letter-topic",
            "dead-letter-partition",
            "dead-letter-offset");
  }

  private static Optional<JsonNode> message(String name) {
    return StreamSupport.stream(asyncApi.path("components").path("messages").spliterator(), false)
        .filter(m -> name.equals(m.path("name").asText()))
        .findFirst();
  }

  private static JsonNode channel(String address) {
    return StreamSupport.stream(asyncApi.path("channels").spliterator(), false)
        .filter(c -> address.equals(c.path("address").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("asyncapi.yaml has no channel " + address));
  }

  private static List<String> messageNamesOn(String address) {
    List<String> names = new ArrayList<>();
    channel(address).path("messages").forEach(m -> names.add(resolve(m).path("name").asText()));
    return names;
  }

  /**
   * Follows a local {@code $ref} ({@code #/components/...}); other nodes are returned as they are.
   */
  private static JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText();
    return ref.startsWith("#/") ? resolve(asyncApi.at(ref.substring(1))) : node;
  }

  private static AssertionError missing(EventType type) {
    return new AssertionError(
        "asyncapi.yaml has no message named "
            + type.typeName()
            + ": add it under components.messages and to the channels "
            + publishers(type).stream().map(Department::topic).toList());
  }
}
