package io.themodel.is.security;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.is.calllist.CallListFixture;
import io.themodel.testing.security.ValidCalls;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A valid call of every is-service operation. Each call about a lead gets a lead of its own, put on
 * the call list by a {@code MarketingQualified} from Marketing: a toss-up and a disqualification
 * happen once per lead, and BANT or a profile recorded twice publishes nothing the second time.
 * Rule versions are written once, so each call writes a version of its own; a toss-up carries an
 * override reason, since whichever version is active may fail a lead nobody qualified.
 */
class InsideSalesCalls implements ValidCalls {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String REP = "is-suzuki";

  private final CallListFixture callList = new CallListFixture();

  @Override
  public Map<String, Supplier<Call>> calls() {
    Map<String, Supplier<Call>> calls = new LinkedHashMap<>();
    calls.put("GET /call-list", () -> Call.get("/call-list?all=true"));
    calls.put("GET /call-list/{leadId}", () -> Call.get("/call-list/" + lead()));
    calls.put(
        "POST /call-list/{leadId}/calls",
        () -> Call.json("POST", "/call-list/" + lead() + "/calls", contact()));
    calls.put(
        "GET /call-list/{leadId}/calls",
        () -> {
          UUID leadId = lead();
          Call.json("POST", "/call-list/" + leadId + "/calls", contact()).sendAsOwner();
          return Call.get("/call-list/" + leadId + "/calls");
        });
    calls.put(
        "PUT /call-list/{leadId}/bant",
        () ->
            Call.json(
                "PUT",
                "/call-list/" + lead() + "/bant",
                JSON.objectNode()
                    .put("budget", true)
                    .put("authority", false)
                    .put("need", true)
                    .put("timeline", true)
                    .put("note", "Budget approved for next fiscal year.")
                    .put("rep", REP)));
    calls.put(
        "PUT /call-list/{leadId}/company-profile",
        () -> Call.json("PUT", "/call-list/" + lead() + "/company-profile", companyProfile()));
    calls.put(
        "POST /call-list/{leadId}/disqualification",
        () ->
            Call.json(
                "POST",
                "/call-list/" + lead() + "/disqualification",
                JSON.objectNode().put("reason", "No budget before next year").put("rep", REP)));
    calls.put(
        "GET /call-list/{leadId}/toss-up-evaluation",
        () -> Call.get("/call-list/" + lead() + "/toss-up-evaluation?assignedRep=fs-tanaka"));
    calls.put(
        "POST /call-list/{leadId}/toss-up",
        () ->
            Call.json(
                "POST",
                "/call-list/" + lead() + "/toss-up",
                JSON.objectNode()
                    .put("assignedRep", "fs-tanaka")
                    .put("handoffComment", "Budget approved; the CIO wants a demo.")
                    .put("overrideReason", "Group company of an existing customer")
                    .put("tossedUpBy", REP)));
    calls.put("POST /toss-up-rules", () -> Call.json("POST", "/toss-up-rules", ruleVersion()));
    calls.put("GET /toss-up-rules", () -> Call.get("/toss-up-rules"));
    calls.put("GET /toss-up-rules/{version}", () -> Call.get("/toss-up-rules/" + written()));
    calls.put(
        "POST /toss-up-rules/{version}/activation",
        () ->
            Call.json(
                "POST",
                "/toss-up-rules/" + written() + "/activation",
                JSON.objectNode().put("activatedBy", "is-manager")));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    calls.put(
        "GET /activity-kpis",
        () -> Call.get("/activity-kpis?from=" + today.minusDays(30) + "&to=" + today));
    calls.put("GET /call-lists/{day}", () -> Call.get("/call-lists/" + today + "?rep=" + REP));
    calls.put("GET /toss-up-outcomes", () -> Call.get("/toss-up-outcomes"));
    calls.putAll(ValidCalls.feedback(Department.DEAL, FeedbackParty.INSIDE_SALES));
    return calls;
  }

  private UUID lead() {
    return callList.leadOnTheCallList();
  }

  private static ObjectNode contact() {
    return JSON.objectNode()
        .put("outcome", "CONTACTED_KEY_PERSON")
        .put("rep", REP)
        .put("currentEnvironment", "Spreadsheets shared by e-mail")
        .put("note", "Call back after the board meeting.");
  }

  private static ObjectNode companyProfile() {
    ObjectNode profile = JSON.objectNode();
    profile.putObject("annualRevenue").put("amount", 1_200_000_000).put("currency", "JPY");
    return profile
        .put("employees", 300)
        .put("industry", "IT")
        .put("plannedStart", "2027-04-01")
        .put("rep", REP);
  }

  private static ObjectNode ruleVersion() {
    ObjectNode rules = JSON.objectNode().put("version", "sec." + UUID.randomUUID());
    rules.putArray("conditions").addObject().put("field", "BANT").putArray("values").add("NEED");
    rules
        .putArray("exclusions")
        .addObject()
        .put("field", "INDUSTRY")
        .putArray("values")
        .add("EDUCATION");
    return rules.put("createdBy", "is-manager");
  }

  /** A rule version written just now, by name. */
  private static String written() {
    ObjectNode rules = ruleVersion();
    Call.json("POST", "/toss-up-rules", rules).sendAsOwner();
    return rules.get("version").asText();
  }
}
