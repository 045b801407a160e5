package io.themodel.kpi.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.themodel.events.success.CustomerOnboarded;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.security.ValidCalls;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A valid call of every projector operation, shared by its access matrix and its fuzz test. The
 * reads of one journey or account publish its events first and wait until the read model has them;
 * the rebuild waits until no other rebuild runs, so that it is accepted rather than a conflict.
 */
class KpiProjectorCalls implements ValidCalls {

  private static final String WINDOW = "from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";
  private static final Duration PROJECTION = Duration.ofSeconds(30);
  private static final Duration REBUILD = Duration.ofSeconds(120);

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  @Override
  public Map<String, Supplier<Call>> calls() {
    Map<String, Supplier<Call>> calls = new LinkedHashMap<>();
    calls.put("GET /funnel", () -> Call.get("/funnel?" + WINDOW));
    calls.put("GET /funnel/balances", () -> Call.get("/funnel/balances?" + WINDOW));
    calls.put("GET /funnel/cohorts", () -> Call.get("/funnel/cohorts?by=SOURCE&" + WINDOW));
    calls.put(
        "GET /funnel/journeys",
        () -> Call.get("/funnel/journeys?stage=LEAD_CAPTURED&page=0&size=20&" + WINDOW));
    calls.put("GET /attribution", () -> Call.get("/attribution?" + WINDOW));
    calls.put("GET /recycle", () -> Call.get("/recycle?" + WINDOW));
    calls.put("GET /feedback-loop", () -> Call.get("/feedback-loop?" + WINDOW));
    for (String department :
        List.of("marketing", "inside-sales", "field-sales", "customer-success")) {
      calls.put("GET /kpis/" + department, () -> Call.get("/kpis/" + department + "?" + WINDOW));
    }
    calls.put("GET /kgi", () -> Call.get("/kgi?period=2026-Q2"));
    calls.put("GET /plan", () -> Call.get("/plan?period=2026-Q2"));
    calls.put("GET /facts", () -> Call.get("/facts?type=LeadCaptured&page=0&size=20&" + WINDOW));
    calls.put("GET /journeys/{leadId}/timeline", () -> projected(journeyTimeline()));
    calls.put("GET /accounts/{accountId}/timeline", () -> projected(accountTimeline()));
    calls.put("GET /rebuild", () -> Call.get("/rebuild"));
    calls.put(
        "POST /rebuild",
        () -> {
          awaitRebuildEnded();
          return Call.empty("POST", "/rebuild");
        });
    return calls;
  }

  /** Waits until no rebuild replays or swaps, so that the model tests read stays in place. */
  static void awaitRebuildEnded() {
    await()
        .atMost(REBUILD)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                !List.of("REPLAYING", "SWAPPING").contains(given().get("/rebuild").path("state")));
  }

  private String journeyTimeline() {
    UUID lead = UUID.randomUUID();
    topics.publish(TestEvents.leadCaptured(lead));
    return "/journeys/" + lead + "/timeline";
  }

  private String accountTimeline() {
    CustomerOnboarded onboarded =
        TestEvents.customerOnboarded(UUID.randomUUID(), UUID.randomUUID());
    topics.publish(onboarded);
    return "/accounts/" + onboarded.accountId() + "/timeline";
  }

  /** The read, once the projector has applied what it shows (until then it is a 404). */
  private static Call projected(String path) {
    await()
        .atMost(PROJECTION)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> given().get(path).statusCode() == 200);
    return Call.get(path);
  }
}
