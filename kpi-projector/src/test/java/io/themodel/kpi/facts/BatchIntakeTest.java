package io.themodel.kpi.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.kafka.TopicProbe.Keyed;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The projector records a poll's records in one transaction. When that transaction fails because of
 * one event, the others of its batch are still recorded, and only that event, once its retries are
 * spent, goes to the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_test"))
class BatchIntakeTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  @AfterEach
  void acceptEveryFactAgain() throws SQLException {
    try (Connection connection = TestDatabase.connectToServiceUnderTest();
        Statement statement = connection.createStatement()) {
      statement.execute("drop trigger if exists refuse_lead on fact");
    }
  }

  @Test
  void an_event_the_read_model_refuses_is_dead_lettered_alone_and_the_rest_of_its_batch_recorded()
      throws SQLException {
    UUID before = UUID.randomUUID();
    UUID refused = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    refuseFactsOf(refused);
    UUID beforeEvent = UUID.randomUUID();
    UUID refusedEvent = UUID.randomUUID();
    UUID afterEvent = UUID.randomUUID();

    topics.sendTogether(
        Department.LEAD.topic(),
        List.of(
            capture(before, beforeEvent),
            capture(refused, refusedEvent),
            capture(after, afterEvent)));

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(topics.records(Department.LEAD.topic() + ".dlq"))
                    .extracting(ConsumerRecord::key)
                    .contains(refused.toString()));
    assertThat(recorded(beforeEvent)).as("the event before the refused one").isTrue();
    assertThat(recorded(afterEvent)).as("the event after the refused one").isTrue();
    assertThat(recorded(refusedEvent)).as("the refused event").isFalse();
    assertThat(topics.records(Department.LEAD.topic() + ".dlq"))
        .extracting(ConsumerRecord::key)
        .doesNotContain(before.toString(), after.toString());
  }

  private static Keyed capture(UUID leadId, UUID eventId) {
    return new Keyed(
        leadId.toString(),
        TestEvents.cloudEvent(TestEvents.leadCaptured(leadId), eventId, java.time.Instant.now()));
  }

  /** A trigger on the read model that fails every fact of this lead, as a broken row would. */
  private static void refuseFactsOf(UUID leadId) throws SQLException {
    try (Connection connection = TestDatabase.connectToServiceUnderTest();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "create or replace function refuse_lead() returns trigger language plpgsql as $$"
              + " begin if new.lead_id = '"
              + leadId
              + "' then raise exception 'refused by BatchIntakeTest'; end if; return new; end $$");
      statement.execute("drop trigger if exists refuse_lead on fact");
      statement.execute(
          "create trigger refuse_lead before insert on fact for each row execute function"
              + " refuse_lead()");
    }
  }

  private static boolean recorded(UUID eventId) {
    return TestDatabase.foundInServiceUnderTest("select 1 from fact where event_id = ?", eventId);
  }
}
