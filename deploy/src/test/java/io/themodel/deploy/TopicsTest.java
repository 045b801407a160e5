package io.themodel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.themodel.events.Department;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The brokers of compose and Kubernetes do not create topics on first use: every topic a service
 * publishes to, consumes or dead-letters into must be created by compose's initialiser and be a
 * KafkaTopic, kept forever.
 */
class TopicsTest {

  /** What the services use: each department's topic (the relay's) and what their configs name. */
  static Set<String> topicsTheServicesUse() {
    Set<String> topics = new TreeSet<>();
    Arrays.stream(Department.values()).map(Department::topic).forEach(topics::add);
    for (String service : Repository.SERVICES) {
      Properties properties = new Properties();
      try (Reader reader =
          Files.newBufferedReader(
              Repository.file(service + "/src/main/resources/application.properties"),
              StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      properties.stringPropertyNames().stream()
          .filter(key -> key.startsWith("mp.messaging.") && key.endsWith(".topic"))
          .map(properties::getProperty)
          .forEach(topics::add);
    }
    return topics;
  }

  @Test
  void the_services_use_every_departments_topic_and_its_dead_letter_topic() {
    Set<String> expected =
        Arrays.stream(Department.values())
            .flatMap(d -> java.util.stream.Stream.of(d.topic(), d.topic() + ".dlq"))
            .collect(Collectors.toSet());
    assertThat(topicsTheServicesUse()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void composes_initialiser_creates_every_topic_the_services_use_kept_forever() throws IOException {
    String script = Files.readString(Repository.file("compose/kafka/create-topics.sh"));
    Matcher list = Pattern.compile("TOPICS=\\(([^)]*)\\)").matcher(script);
    assertThat(list.find()).as("create-topics.sh has its TOPICS=( ... ) list").isTrue();
    Set<String> created = Set.of(list.group(1).trim().split("\\s+"));

    assertThat(created).containsAll(topicsTheServicesUse());
    assertThat(script).contains("--config retention.ms=-1", "--config retention.bytes=-1");
    assertThat(ComposeFile.read().service("kafka-topics").get("entrypoint").toString())
        .contains("/scripts/create-topics.sh");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void every_topic_the_services_use_is_a_kafka_topic_kept_forever(String overlay) {
    var topics = Manifests.overlay(overlay).all(KafkaTopic.class);

    assertThat(topics.stream().map(t -> t.getSpec().getTopicName()))
        .containsAll(topicsTheServicesUse());
    assertThat(topics)
        .allSatisfy(
            topic -> {
              assertThat(topic.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
              assertThat(topic.getSpec().getConfig()).containsEntry("retention.ms", -1);
            });
  }
}
