package io.themodel.success.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.success.TwoStepChecklist;
import io.themodel.success.WonDeals;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.security.ValidCalls;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A valid call of every success-service operation. Each one is made on a customer account of its
 * own, opened by a deal won on Field Sales' topic: churn, advocacy and a checklist step can each be
 * done once per account. The step needs a checklist, so the tests using this run under {@link
 * TwoStepChecklist}.
 */
final class SuccessCalls implements ValidCalls {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final LocalDate CONTRACT_START = LocalDate.parse("2026-05-01");
  private static final int TERM_MONTHS = 12;

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  @Override
  public Map<String, Supplier<Call>> calls() {
    Map<String, Supplier<Call>> calls = new LinkedHashMap<>();
    calls.put("GET /customers", () -> Call.get("/customers?leadId=" + leadOf(customer())));
    calls.put("GET /customers/{accountId}", () -> Call.get("/customers/" + customer()));
    calls.put(
        "GET /customers/{accountId}/timeline",
        () -> Call.get("/customers/" + customer() + "/timeline"));
    calls.put(
        "GET /customers/{accountId}/onboarding",
        () -> Call.get("/customers/" + customer() + "/onboarding"));
    calls.put(
        "POST /customers/{accountId}/onboarding/{step}",
        () ->
            Call.json(
                "POST",
                "/customers/" + customer() + "/onboarding/kickoff",
                NODES.objectNode().put("completedBy", "cs-ito")));
    calls.put("GET /renewals", this::renewalsDue);
    calls.put(
        "POST /customers/{accountId}/renewal",
        () ->
            Call.json(
                "POST",
                "/customers/" + customer() + "/renewal",
                NODES
                    .objectNode()
                    .put("termStart", CONTRACT_START.plusMonths(TERM_MONTHS).toString())
                    .put("termMonths", 12)
                    .put("amount", 1_300_000)
                    .put("currency", "JPY")));
    calls.put(
        "POST /customers/{accountId}/churn",
        () ->
            Call.json(
                "POST",
                "/customers/" + customer() + "/churn",
                NODES.objectNode().put("reason", "Moved to a competitor's suite.")));
    calls.put(
        "POST /customers/{accountId}/expansions",
        () ->
            Call.json(
                    "POST",
                    "/customers/" + customer() + "/expansions",
                    NODES
                        .objectNode()
                        .put("kind", "UPSELL")
                        .put("amount", 300_000)
                        .put("currency", "JPY")
                        .put("note", "Ten more seats for the Osaka office."))
                .withHeader("Idempotency-Key", UUID.randomUUID().toString()));
    calls.put("POST /customers/{accountId}/referrals", this::referral);
    calls.put(
        "POST /customers/{accountId}/advocacy",
        () ->
            Call.json(
                "POST",
                "/customers/" + customer() + "/advocacy",
                NODES.objectNode().put("markedBy", "cs-ito").put("note", "Spoke at our summit.")));
    calls.put("POST /usage", this::usage);
    calls.putAll(ValidCalls.feedback(Department.DEAL, FeedbackParty.CUSTOMER_SUCCESS));
    return calls;
  }

  /** A fresh customer account, once it is open. */
  private UUID customer() {
    return WonDeals.customerFrom(topics, CONTRACT_START, TERM_MONTHS);
  }

  private static UUID leadOf(UUID accountId) {
    return UUID.fromString(
        given().get("/customers/{id}", accountId).then().extract().path("leadId"));
  }

  /** The renewals due on the day a fresh account's term ends, a day few other accounts share. */
  private Call renewalsDue() {
    LocalDate start =
        LocalDate.parse("2000-01-01").plusDays(ThreadLocalRandom.current().nextInt(5_000));
    WonDeals.customerFrom(topics, start, TERM_MONTHS);
    LocalDate end = start.plusMonths(TERM_MONTHS);
    return Call.get("/renewals?from=" + end + "&to=" + end);
  }

  private Call referral() {
    String someone = "referred-" + UUID.randomUUID();
    ObjectNode person =
        NODES
            .objectNode()
            .put("name", "Hanako Sato")
            .put("email", someone + "@example.co.jp")
            .put("phone", "+81-3-1234-5678")
            .put("title", "Head of Sales Operations");
    ObjectNode body = NODES.objectNode().put("companyName", "Sato Trading " + someone);
    body.set("person", person);
    return Call.json("POST", "/customers/" + customer() + "/referrals", body)
        .withHeader("Idempotency-Key", UUID.randomUUID().toString());
  }

  private Call usage() {
    ObjectNode record =
        NODES
            .objectNode()
            .put("accountId", customer().toString())
            .put("day", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
            .put("activeUsers", 42)
            .put("logins", 97)
            .put("featureUsed", "reports")
            .put("supportTickets", 1)
            .put("npsAnswer", 9);
    ObjectNode body = NODES.objectNode();
    body.putArray("records").add(record);
    return Call.json("POST", "/usage", body);
  }
}
