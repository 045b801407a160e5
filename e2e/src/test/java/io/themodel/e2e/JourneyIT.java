package io.themodel.e2e;

import static io.themodel.events.EventType.CUSTOMER_ONBOARDED;
import static io.themodel.events.EventType.DEAL_WON;
import static io.themodel.events.EventType.LEAD_CAPTURED;
import static io.themodel.events.EventType.MARKETING_QUALIFIED;
import static io.themodel.events.EventType.TOSSED_UP;
import static io.themodel.events.EventType.TOSS_UP_ACCEPTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.UnreadableEvent;
import io.themodel.testing.journey.JourneyDriver;
import io.themodel.testing.journey.JourneyDriver.NewLead;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.process.PlatformUnderTest;
import io.themodel.testing.process.ServiceProcess.Service;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One customer's whole journey through the five packaged services, each a process of its own on
 * fresh databases and a broker of this JVM: a lead is captured and qualified by marketing, tossed
 * up by inside sales, accepted and won by field sales, onboarded by customer success, and counted
 * by the projector.
 */
class JourneyIT {

  private static final EventCodec CODEC = new EventCodec();
  private static final List<String> JOURNEY_STAGES =
      List.of("LEAD_CAPTURED", "MQL", "TOSSED_UP", "VALID_OPPORTUNITY", "WON", "ONBOARDED");

  private static PlatformUnderTest platform;
  private static TopicProbe topics;
  private static UUID leadId;
  private static UUID opportunityId;
  private static JsonNode customer;
  private static JourneyDriver driver;

  @BeforeAll
  static void one_customer_goes_from_lead_to_customer() {
    platform = new PlatformUnderTest(JourneyIT.class, "e2e");
    platform.start(Service.values());
    topics = TopicProbe.onSharedBroker();
    driver = platform.driver();

    leadId = driver.captureLead(NewLead.sample());
    driver.qualify(leadId, "MQL_HIGH");
    opportunityId = driver.tossUp(leadId, "fs-tanaka", "Budget approved for Q3");
    driver.accept(opportunityId, "fs-tanaka");
    driver.win(opportunityId, new BigDecimal("1200000"), "JPY", LocalDate.parse("2026-05-01"), 12);
    customer = driver.awaitCustomer(leadId);
  }

  @AfterAll
  static void stopThePlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void the_won_deal_becomes_a_customer_of_the_lead() {
    assertThat(customer.path("leadId").asText()).isEqualTo(leadId.toString());
    assertThat(customer.path("opportunityId").asText()).isEqualTo(opportunityId.toString());
    assertThat(customer.path("accountId").asText()).isNotBlank();
    assertThat(driver.opportunity(opportunityId).path("status").asText()).isEqualTo("WON");
  }

  @Test
  void the_funnel_counts_the_journey_once_in_every_stage() {
    Map<String, Long> funnel =
        driver.awaitFunnel(
            stages ->
                JOURNEY_STAGES.stream().allMatch(stage -> stages.getOrDefault(stage, 0L) > 0));

    assertThat(funnel)
        .contains(
            entry("LEAD_CAPTURED", 1L),
            entry("MQL", 1L),
            entry("TOSSED_UP", 1L),
            entry("VALID_OPPORTUNITY", 1L),
            entry("WON", 1L),
            entry("ONBOARDED", 1L));
  }

  @Test
  void every_department_published_its_part_of_the_journey() {
    assertThat(topics.typesOf(Department.LEAD.topic(), leadId))
        .contains(LEAD_CAPTURED.typeName(), MARKETING_QUALIFIED.typeName());
    assertThat(topics.typesOf(Department.IS.topic(), leadId)).contains(TOSSED_UP.typeName());
    assertThat(topics.typesOf(Department.DEAL.topic(), leadId))
        .contains(TOSS_UP_ACCEPTED.typeName(), DEAL_WON.typeName());
    assertThat(topics.typesOf(Department.SUCCESS.topic(), leadId))
        .contains(CUSTOMER_ONBOARDED.typeName());
  }

  @Test
  void every_event_on_the_four_topics_passes_its_json_schema() {
    List<String> unreadable = new ArrayList<>();
    int read = 0;
    for (Department department : Department.values()) {
      List<ConsumerRecord<String, String>> records = topics.records(department.topic());
      assertThat(records).as("records on %s", department.topic()).isNotEmpty();
      for (ConsumerRecord<String, String> record : records) {
        try {
          assertThat(CODEC.decode(CODEC.read(record.value()))).isNotNull();
          read++;
        } catch (UnreadableEvent e) {
          unreadable.add(record.topic() + "@" + record.offset() + ": " + e.getMessage());
        }
      }
    }
    assertThat(unreadable).isEmpty();
    assertThat(read).isGreaterThanOrEqualTo(6);
  }

  @Test
  void nothing_went_to_a_dead_letter_topic() {
    for (Department department : Department.values()) {
      List<String> deadLetters =
          topics.records(department.deadLetterTopic()).stream().map(ConsumerRecord::value).toList();
      assertThat(deadLetters).as(department.deadLetterTopic()).isEmpty();
    }
  }
}
