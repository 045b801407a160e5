package io.themodel.is.calllist;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Puts leads on the call list the way Marketing does, and reads what Inside Sales published. */
public final class CallListFixture {

  public static final String IS_TOPIC = Department.IS.topic();

  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  public TopicProbe topics() {
    return topics;
  }

  /** A new lead, qualified by Marketing, now on the call list. */
  public UUID leadOnTheCallList() {
    UUID leadId = UUID.randomUUID();
    mqlArrives(TestEvents.marketingQualified(leadId));
    return leadId;
  }

  public void mqlArrives(MarketingQualified mql) {
    topics.send(Department.LEAD.topic(), mql.leadId().toString(), TestEvents.cloudEvent(mql));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> given().get("/call-list/{id}", mql.leadId()).then().statusCode(200));
  }

  /** Waits for an event of this simple type about the lead on Inside Sales' topic. */
  public <T> T awaitPublished(UUID leadId, Class<T> type) {
    CloudEvent found =
        topics.awaitEvent(
            IS_TOPIC, e -> leadId.equals(e.leadid()) && e.type().equals(typeName(type)));
    return type.cast(codec.decode(found));
  }

  /** The simple type names of the lead's events on Inside Sales' topic, in order. */
  public List<String> publishedTypes(UUID leadId) {
    return topics.typesOf(IS_TOPIC, leadId).stream()
        .map(t -> t.substring("io.themodel.is.".length(), t.lastIndexOf(".v")))
        .toList();
  }

  private static String typeName(Class<?> type) {
    return "io.themodel.is." + type.getSimpleName() + ".v1";
  }
}
