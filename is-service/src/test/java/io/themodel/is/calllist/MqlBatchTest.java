package io.themodel.is.calllist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe.Keyed;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.postgres.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Marketing's events arrive a poll's batch at a time and are applied in one transaction: a lead
 * qualified twice in the same batch enters the call list once, as it would one event at a time.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class MqlBatchTest {

  private final CallListFixture fixture = new CallListFixture();

  @Test
  void a_lead_qualified_twice_in_one_batch_enters_the_call_list_once_and_the_others_enter_too() {
    UUID twice = UUID.randomUUID();
    UUID once = UUID.randomUUID();
    UUID secondQualification = UUID.randomUUID();
    fixture
        .topics()
        .sendTogether(
            Department.LEAD.topic(),
            List.of(
                keyed(twice, TestEvents.cloudEvent(TestEvents.leadCaptured(twice))),
                keyed(twice, TestEvents.cloudEvent(TestEvents.marketingQualified(twice))),
                keyed(once, TestEvents.cloudEvent(TestEvents.marketingQualified(once))),
                keyed(
                    twice,
                    TestEvents.cloudEvent(
                        TestEvents.marketingQualified(twice),
                        secondQualification,
                        Instant.now()))));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              given().get("/call-list/{id}", twice).then().statusCode(200);
              given().get("/call-list/{id}", once).then().statusCode(200);
              assertThat(processed(secondQualification)).isTrue();
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(fixture.publishedTypes(once)).contains("CallListEntered"));
    assertThat(Collections.frequency(fixture.publishedTypes(twice), "CallListEntered"))
        .isEqualTo(1);
  }

  private static Keyed keyed(UUID leadId, String cloudEvent) {
    return new Keyed(leadId.toString(), cloudEvent);
  }

  private static boolean processed(UUID eventId) {
    return TestDatabase.foundInServiceUnderTest(
        "select 1 from processed_event where event_id = ?", eventId);
  }
}
