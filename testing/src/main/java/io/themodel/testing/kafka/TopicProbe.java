package io.themodel.testing.kafka;

import static org.awaitility.Awaitility.await;

import io.themodel.events.CloudEvent;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.testing.events.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes topics from a test, the way an analytics consumer or a misbehaving producer
 * would: every record of a topic from offset 0, CloudEvents decoded, raw records sent.
 */
public final class TopicProbe {

  private static final EventCodec CODEC = new EventCodec();

  private final String bootstrapServers;

  public TopicProbe(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** A probe on the test JVM's shared broker. */
  public static TopicProbe onSharedBroker() {
    return new TopicProbe(KafkaBroker.shared().bootstrapServers());
  }

  /** Every record on the topic now, from the start of each partition. */
  public List<ConsumerRecord<String, String>> records(String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (partitions == null || partitions.isEmpty()) {
        return List.of();
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** Every event on the topic, as CloudEvents. */
  public List<CloudEvent> events(String topic) {
    return records(topic).stream().map(r -> CODEC.read(r.value())).toList();
  }

  /** The CloudEvents on the topic whose subject or lead is this id. */
  public List<CloudEvent> eventsOf(String topic, UUID leadId) {
    return events(topic).stream().filter(e -> leadId.equals(e.leadid())).toList();
  }

  /** Waits until a record on the topic matches, and returns it. */
  public CloudEvent awaitEvent(String topic, Predicate<CloudEvent> match) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> events(topic).stream().filter(match).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }

  /** The types of the events on the topic for this lead, in topic order. */
  public List<String> typesOf(String topic, UUID leadId) {
    return eventsOf(topic, leadId).stream().map(CloudEvent::type).collect(Collectors.toList());
  }

  /**
   * Publishes an event as its department's relay would: on the publisher's topic ({@link
   * EventType#departmentOf}), keyed by its journey, as a CloudEvent with a new id.
   */
  public void publish(DomainEvent event) {
    send(
        EventType.departmentOf(event).topic(),
        TestEvents.journeyKey(event),
        TestEvents.cloudEvent(event));
  }

  /**
   * Sends a record as the outbox relay does (value as given, with the CloudEvents structured-mode
   * content type header), acknowledged before this returns.
   */
  public void send(String topic, String key, String value) {
    sendTogether(topic, List.of(new Keyed(key, value)));
  }

  /** A record's key and value. */
  public record Keyed(String key, String value) {}

  /**
   * Sends records as {@link #send} does, but in one produce request (the producer lingers until it
   * has them all), so that an idle consumer fetches them in one poll.
   */
  public void sendTogether(String topic, List<Keyed> records) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, records.size() > 1 ? "1000" : "0");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      List<Future<?>> sent = new ArrayList<>();
      for (Keyed keyed : records) {
        ProducerRecord<String, String> record =
            new ProducerRecord<>(topic, keyed.key(), keyed.value());
        record
            .headers()
            .add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII));
        sent.add(producer.send(record));
      }
      producer.flush();
      for (Future<?> each : sent) {
        each.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot send to " + topic, e);
    }
  }

  private Properties consumerConfig() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return config;
  }
}
