package io.themodel.deal.security;

import static io.themodel.deal.support.DealApi.accepted;
import static io.themodel.deal.support.DealApi.tossUpArrives;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.testing.security.ValidCalls;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A valid call of every deal-service operation. Answering a toss-up and closing a deal happen once
 * per opportunity, so each call of those gets an opportunity of its own: a toss-up that arrived
 * from Inside Sales, accepted first when the call needs a valid opportunity.
 */
class DealCalls implements ValidCalls {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String REP = "fs-security";

  @Override
  public Map<String, Supplier<Call>> calls() {
    Map<String, Supplier<Call>> calls = new LinkedHashMap<>();
    calls.put("GET /opportunities", () -> Call.get("/opportunities?status=AWAITING_ACCEPTANCE"));
    calls.put("GET /opportunities/overdue", () -> Call.get("/opportunities/overdue"));
    calls.put(
        "GET /opportunities/{opportunityId}",
        () -> Call.get("/opportunities/" + tossUpArrives(REP)));
    calls.put(
        "POST /opportunities/{opportunityId}/acceptance",
        () ->
            Call.json(
                "POST",
                "/opportunities/" + tossUpArrives(REP) + "/acceptance",
                JSON.objectNode().put("acceptedBy", REP)));
    calls.put(
        "POST /opportunities/{opportunityId}/rejection",
        () ->
            Call.json(
                "POST",
                "/opportunities/" + tossUpArrives(REP) + "/rejection",
                JSON.objectNode()
                    .put("reason", "NO_DECISION_MAKER")
                    .put("handoffGap", "Met IT staff, not the CIO")
                    .put("rejectedBy", REP)));
    calls.put(
        "POST /opportunities/{opportunityId}/stage",
        () -> Call.json("POST", "/opportunities/" + accepted(REP) + "/stage", stage()));
    calls.put(
        "POST /opportunities/{opportunityId}/won",
        () ->
            Call.json(
                "POST",
                "/opportunities/" + accepted(REP) + "/won",
                JSON.objectNode()
                    .put("amount", 1200000)
                    .put("currency", "JPY")
                    .put("contractStart", "2026-05-01")
                    .put("termMonths", 12)));
    calls.put(
        "POST /opportunities/{opportunityId}/lost",
        () ->
            Call.json(
                "POST",
                "/opportunities/" + accepted(REP) + "/lost",
                JSON.objectNode()
                    .put("reason", "COMPETITOR")
                    .put("competitor", "Rival Corp")
                    .put("note", "They were cheaper and already in the account.")));
    calls.put("PUT /targets/{period}", () -> Call.json("PUT", "/targets/2026-Q4", target()));
    calls.put("GET /targets", () -> Call.get("/targets?period=2026-Q4"));
    calls.put("GET /forecast", () -> Call.get("/forecast?period=2026-Q4&rep=" + REP));
    calls.put("GET /reps/load", () -> Call.get("/reps/load"));
    calls.putAll(ValidCalls.feedback(Department.SUCCESS, FeedbackParty.FIELD_SALES));
    return calls;
  }

  private static ObjectNode stage() {
    ObjectNode body = JSON.objectNode();
    body.put("stage", "E");
    body.put("amount", 5000000);
    body.put("currency", "JPY");
    body.put("expectedCloseDate", "2026-11-30");
    body.putArray("checks");
    body.put("changedBy", REP);
    return body;
  }

  private static ObjectNode target() {
    ObjectNode body = JSON.objectNode();
    body.put("amount", 12000000);
    body.put("currency", "JPY");
    // a team of its own each time: setting the same target again is no change, and no event
    body.put("team", "enterprise-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("setBy", "vp-sales");
    return body;
  }
}
