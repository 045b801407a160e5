package io.themodel.e2e;

import static io.themodel.events.EventType.COMPANY_RESOLVED;
import static io.themodel.events.EventType.LEAD_CAPTURED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.themodel.events.Department;
import io.themodel.testing.journey.JourneyDriver.NewLead;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.process.PlatformUnderTest;
import io.themodel.testing.process.ServiceProcess;
import io.themodel.testing.process.ServiceProcess.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event store is the outbox: an event appended but not yet published survives the death of its
 * service (SIGKILL, no shutdown) and is published exactly once by the relay after the restart.
 */
class RelayCrashIT {

  private static final String TOPIC = Department.LEAD.topic();

  private static PlatformUnderTest platform;
  private final TopicProbe topic = TopicProbe.onSharedBroker();

  @BeforeAll
  static void startLeadServiceWithoutItsRelay() {
    platform = new PlatformUnderTest(RelayCrashIT.class, "relay_e2e");
    platform.start(Map.of(Service.LEAD, Map.of("THEMODEL_RELAY_ENABLED", "false")));
  }

  @AfterAll
  static void stopThePlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void a_lead_captured_before_a_crash_is_published_exactly_once_after_the_restart() {
    UUID leadId = platform.driver().captureLead(NewLead.sample());
    await("no publication while the relay is off")
        .during(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> topic.eventsOf(TOPIC, leadId).isEmpty());

    ServiceProcess crashed = platform.process(Service.LEAD);
    crashed.kill();
    assertThat(crashed.isAlive()).isFalse();
    platform.startAgain(Service.LEAD, Map.of("THEMODEL_RELAY_ENABLED", "true"));

    // the capture appended LeadCaptured and, resolving the company, CompanyResolved: both are
    // published once, none twice
    topic.awaitEvent(TOPIC, event -> leadId.equals(event.leadid()));
    await("no second publication")
        .during(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> topic.typesOf(TOPIC, leadId),
            types -> types.equals(List.of(LEAD_CAPTURED.typeName(), COMPANY_RESOLVED.typeName())));
    assertThat(topic.typesOf(TOPIC, leadId))
        .containsExactly(LEAD_CAPTURED.typeName(), COMPANY_RESOLVED.typeName());
  }
}
