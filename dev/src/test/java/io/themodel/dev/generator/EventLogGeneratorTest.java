package io.themodel.dev.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.testing.kafka.KafkaBroker;
import io.themodel.testing.kafka.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventLogGeneratorTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final List<EventType> STAGE_ORDER =
      List.of(
          EventType.LEAD_CAPTURED,
          EventType.MARKETING_QUALIFIED,
          EventType.TOSSED_UP,
          EventType.TOSS_UP_ACCEPTED,
          EventType.DEAL_WON,
          EventType.CUSTOMER_ONBOARDED,
          EventType.RENEWED);

  private static GenerateCommand.Report report;
  private static final Map<String, List<CloudEvent>> JOURNEYS = new HashMap<>();
  private static final List<String> UNREADABLE = new ArrayList<>();

  @BeforeAll
  static void a_small_log_is_written_to_the_four_topics() {
    String bootstrap = KafkaBroker.shared().bootstrapServers();
    report =
        GenerateCommand.write(
            5_000, bootstrap, 11, Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(365));
    System.out.printf(
        "generated %d events of %d journeys in %.2f s%n",
        report.events(), report.journeys(), report.seconds());
    TopicProbe topics = new TopicProbe(bootstrap);
    for (Department department : Department.values()) {
      for (ConsumerRecord<String, String> record : topics.records(department.topic())) {
        try {
          CloudEvent event = CODEC.read(record.value());
          DomainEvent data = CODEC.decode(event);
          assertThat(record.key()).isEqualTo(data.leadId().toString());
          assertThat(EventType.byTypeName(event.type()).orElseThrow().department())
              .isEqualTo(department);
          JOURNEYS.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
        } catch (RuntimeException e) {
          UNREADABLE.add(record.topic() + "@" + record.offset() + ": " + e.getMessage());
        }
      }
    }
  }

  @Test
  void every_record_is_a_cloud_event_that_passes_its_schema_keyed_by_its_journey() {
    assertThat(UNREADABLE).isEmpty();
    long read = JOURNEYS.values().stream().mapToLong(List::size).sum();
    assertThat(read).isEqualTo(report.events());
    assertThat(JOURNEYS).hasSize((int) report.journeys());
  }

  @Test
  void every_journey_starts_with_its_capture_and_reaches_stages_in_a_possible_order() {
    for (Map.Entry<String, List<CloudEvent>> journey : JOURNEYS.entrySet()) {
      List<CloudEvent> events = new ArrayList<>(journey.getValue());
      events.sort(Comparator.comparing(CloudEvent::time));
      assertThat(events.get(0).type())
          .as("first event of journey %s", journey.getKey())
          .isEqualTo(EventType.LEAD_CAPTURED.typeName());
      assertThat(events.stream().map(CloudEvent::time).distinct().count())
          .as("events of journey %s each have a time of their own", journey.getKey())
          .isEqualTo(events.size());
      int furthest = 0;
      List<String> firstReached = new ArrayList<>();
      for (CloudEvent event : events) {
        int stage = STAGE_ORDER.indexOf(EventType.byTypeName(event.type()).orElseThrow());
        if (stage >= 0 && !firstReached.contains(event.type())) {
          firstReached.add(event.type());
          assertThat(stage)
              .as("journey %s reached %s after %s", journey.getKey(), event.type(), firstReached)
              .isGreaterThanOrEqualTo(furthest);
          furthest = stage;
        }
      }
    }
  }

  @Test
  void the_log_holds_every_part_of_the_model() {
    List<String> types =
        JOURNEYS.values().stream().flatMap(List::stream).map(CloudEvent::type).distinct().toList();
    assertThat(types)
        .contains(
            EventType.LEAD_EXCLUDED.typeName(),
            EventType.LEAD_RECYCLED.typeName(),
            EventType.DISQUALIFIED.typeName(),
            EventType.TOSS_UP_REJECTED.typeName(),
            EventType.DEAL_LOST.typeName(),
            EventType.DEAL_WON.typeName(),
            EventType.RENEWED.typeName(),
            EventType.CHURNED.typeName());
  }

  @Test
  void the_same_seed_generates_the_same_log() {
    List<EventLogGenerator.Record> one = new ArrayList<>();
    List<EventLogGenerator.Record> two = new ArrayList<>();
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    new EventLogGenerator(5, start, Duration.ofDays(30)).generate(500, one::add);
    new EventLogGenerator(5, start, Duration.ofDays(30)).generate(500, two::add);
    assertThat(one).isEqualTo(two);
  }
}
