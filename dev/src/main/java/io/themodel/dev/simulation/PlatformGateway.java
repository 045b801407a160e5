package io.themodel.dev.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.events.Role;
import io.themodel.testing.process.ServiceProcess.Service;
import io.themodel.testing.security.Tokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Carries the simulation's actions out on the running platform through the departments' REST APIs,
 * and moves the five services' clocks ({@code PUT /dev/clock}). It maps the simulation's journey
 * numbers to the platform's ids, and after a day's work waits until every reaction that travels
 * over Kafka has happened (the call list knows each new MQL, field sales each toss-up, customer
 * success each won deal, marketing each recycle and referral), so that the next day starts from a
 * settled platform and every event of a day carries that day's time.
 *
 * <p>A 409 for a concurrent write (the command lost the append to a reaction arriving over Kafka,
 * and wrote nothing) is retried, as the answer asks. Any other answer the simulation did not expect
 * (a 409 or 422, a lead excluded when it should not be) is an {@link IllegalStateException} naming
 * the request: the simulation and the platform disagree, and the run stops instead of counting
 * something that did not happen.
 */
public final class PlatformGateway implements AutoCloseable {

  private static final String JSON = "application/json";
  private static final Duration SETTLE = Duration.ofSeconds(90);

  /** The platform's problem type of a command that lost the append to a concurrent change. */
  private static final String CONCURRENT_WRITE = "https://themodel.io/problems/concurrent-write";

  static final int CONCURRENT_WRITE_RETRIES = 5;

  private final Map<Service, URI> services;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ObjectMapper json = new ObjectMapper();
  private final ExecutorService workers;
  private final Map<Integer, UUID> leads = new ConcurrentHashMap<>();
  private final Map<Integer, UUID> opportunities = new ConcurrentHashMap<>();
  private final Map<Integer, UUID> accounts = new ConcurrentHashMap<>();
  private final Map<Integer, UUID> feedback = new ConcurrentHashMap<>();
  private final Map<String, UUID> expansions = new ConcurrentHashMap<>();
  private final Map<Integer, BigDecimal> expansionValue = new ConcurrentHashMap<>();
  private final List<Pending> pending = java.util.Collections.synchronizedList(new ArrayList<>());
  private final String run = Long.toString(System.nanoTime(), 36);

  /** A reaction still travelling: what it is, and how to see that it happened. */
  private record Pending(String what, java.util.function.BooleanSupplier happened) {}

  public PlatformGateway(Map<Service, URI> services, int parallelism) {
    this.services = new EnumMap<>(services);
    this.workers = Executors.newFixedThreadPool(parallelism);
  }

  /** The latest instant on any service's clock ({@code GET /dev/clock}). */
  public Instant clock() {
    Instant latest = Instant.EPOCH;
    for (Service service : Service.values()) {
      JsonNode answer = send("GET", service, "/dev/clock", null, null, 200);
      Instant instant = Instant.parse(answer.path("instant").asText());
      latest = instant.isAfter(latest) ? instant : latest;
    }
    return latest;
  }

  /** Moves every service's clock to this instant (never back: a 409 from a service stops). */
  public void setClocks(Instant instant) {
    ObjectNode body = json.createObjectNode().put("instant", instant.toString());
    for (Service service : Service.values()) {
      send("PUT", service, "/dev/clock", body, null, 200);
    }
  }

  /**
   * Carries out a day's actions: those about no journey first, then each journey's actions in
   * order, journeys in parallel; then waits until their reactions have happened.
   */
  public void execute(List<Action> actions) {
    Map<Integer, List<Action>> byJourney = new LinkedHashMap<>();
    for (Action action : actions) {
      if (action.journey() < 0) {
        perform(action);
      } else {
        byJourney.computeIfAbsent(action.journey(), j -> new ArrayList<>()).add(action);
      }
    }
    List<Future<?>> running = new ArrayList<>();
    for (List<Action> journey : byJourney.values()) {
      running.add(workers.submit(() -> journey.forEach(this::perform)));
    }
    for (Future<?> future : running) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException(cause);
      }
    }
    settle();
  }

  /** The platform's lead id of a journey, once known. */
  public UUID leadId(int journey) {
    return leads.get(journey);
  }

  private void perform(Action action) {
    if (action instanceof Action.SetTarget target) {
      ObjectNode body = json.createObjectNode();
      body.put("amount", target.amount());
      body.put("currency", target.currency());
      body.put("setBy", "simulator");
      send("PUT", Service.DEAL, "/targets/" + target.period(), body, null, 200, 201);
    } else if (action instanceof Action.Capture capture) {
      capture(capture);
    } else if (action instanceof Action.Nurture nurture) {
      ObjectNode body =
          json.createObjectNode().put("type", nurture.activity()).put("count", nurture.count());
      JsonNode lead = send("POST", Service.LEAD, lead(nurture) + "/activities", body, null, 200);
      if ("MQL".equals(lead.path("stage").asText())) {
        throw new IllegalStateException(
            "nurturing made journey " + nurture.journey() + " an MQL the simulation did not plan");
      }
    } else if (action instanceof Action.Exclude exclude) {
      ObjectNode body =
          json.createObjectNode().put("reason", exclude.reason()).put("detail", exclude.detail());
      send("POST", Service.LEAD, lead(exclude) + "/exclusion", body, null, 200, 201);
    } else if (action instanceof Action.Qualify qualify) {
      send(
          "POST",
          Service.LEAD,
          lead(qualify) + "/qualification",
          json.createObjectNode().put("band", qualify.band()),
          null,
          200);
      UUID leadId = leads.get(qualify.journey());
      expect(
          "call list entry of journey " + qualify.journey(),
          () ->
              "ON_CALL_LIST"
                  .equals(peek(Service.IS, "/call-list/" + leadId).path("status").asText()));
    } else if (action instanceof Action.Call call) {
      ObjectNode body =
          json.createObjectNode().put("outcome", call.outcome()).put("rep", call.rep());
      if (call.currentEnvironment() != null) {
        body.put("currentEnvironment", call.currentEnvironment());
      }
      send("POST", Service.IS, callList(call) + "/calls", body, null, 201);
    } else if (action instanceof Action.Bant bant) {
      ObjectNode body = json.createObjectNode();
      body.put("budget", bant.budget());
      body.put("authority", bant.authority());
      body.put("need", bant.need());
      body.put("timeline", bant.timeline());
      body.put("rep", bant.rep());
      send("PUT", Service.IS, callList(bant) + "/bant", body, null, 200);
    } else if (action instanceof Action.Disqualify disqualify) {
      ObjectNode body =
          json.createObjectNode().put("reason", disqualify.reason()).put("rep", disqualify.rep());
      send("POST", Service.IS, callList(disqualify) + "/disqualification", body, null, 201);
      expectNurturing(disqualify.journey(), "Recycle A");
    } else if (action instanceof Action.TossUp tossUp) {
      ObjectNode body =
          json.createObjectNode()
              .put("assignedRep", tossUp.assignedRep())
              .put("handoffComment", tossUp.handoffComment());
      JsonNode answer = send("POST", Service.IS, callList(tossUp) + "/toss-up", body, null, 201);
      UUID opportunity = UUID.fromString(answer.path("tossUpId").asText());
      opportunities.put(tossUp.journey(), opportunity);
      expect(
          "opportunity of journey " + tossUp.journey(),
          () -> status(Service.DEAL, "/opportunities/" + opportunity) == 200);
    } else if (action instanceof Action.Accept accept) {
      send(
          "POST",
          Service.DEAL,
          opportunity(accept) + "/acceptance",
          json.createObjectNode().put("acceptedBy", accept.rep()),
          null,
          200);
    } else if (action instanceof Action.Reject reject) {
      ObjectNode body =
          json.createObjectNode()
              .put("reason", reject.reason())
              .put("handoffGap", reject.handoffGap())
              .put("rejectedBy", reject.rep());
      send("POST", Service.DEAL, opportunity(reject) + "/rejection", body, null, 200);
    } else if (action instanceof Action.Stage stage) {
      ObjectNode body = json.createObjectNode();
      body.put("stage", stage.stage());
      body.put("amount", stage.amount());
      body.put("currency", "JPY");
      body.put("expectedCloseDate", stage.expectedClose().toString());
      ArrayNode checks = body.putArray("checks");
      stage.checks().forEach(checks::add);
      body.put("changedBy", stage.rep());
      send("POST", Service.DEAL, opportunity(stage) + "/stage", body, null, 200);
    } else if (action instanceof Action.Win win) {
      ObjectNode body = json.createObjectNode();
      body.put("amount", win.amount());
      body.put("currency", "JPY");
      body.put("contractStart", win.contractStart().toString());
      body.put("termMonths", win.termMonths());
      send("POST", Service.DEAL, opportunity(win) + "/won", body, null, 200);
      UUID leadId = leads.get(win.journey());
      int journey = win.journey();
      expect(
          "customer of journey " + journey,
          () -> {
            JsonNode customers =
                peek(
                    Service.SUCCESS,
                    "/customers?leadId="
                        + URLEncoder.encode(leadId.toString(), StandardCharsets.UTF_8));
            if (customers.isArray() && customers.size() > 0) {
              accounts.put(journey, UUID.fromString(customers.get(0).path("accountId").asText()));
              return true;
            }
            return false;
          });
    } else if (action instanceof Action.Lose lose) {
      ObjectNode body = json.createObjectNode().put("reason", lose.reason());
      if (lose.competitor() != null) {
        body.put("competitor", lose.competitor());
      }
      send("POST", Service.DEAL, opportunity(lose) + "/lost", body, null, 200);
      expectNurturing(lose.journey(), "Recycle B");
    } else if (action instanceof Action.Usage usage) {
      ObjectNode body = json.createObjectNode();
      ArrayNode records = body.putArray("records");
      for (Action.UsageRecord record : usage.records()) {
        records
            .addObject()
            .put("accountId", account(record.journey()).toString())
            .put("day", usage.day().toString())
            .put("activeUsers", record.activeUsers())
            .put("logins", record.logins());
      }
      JsonNode answer = send("POST", Service.SUCCESS, "/usage", body, null, 200);
      if (answer.path("rejected").asInt() > 0) {
        throw new IllegalStateException("usage records rejected: " + answer);
      }
    } else if (action instanceof Action.Renew renew) {
      ObjectNode body = json.createObjectNode();
      body.put("termMonths", renew.termMonths());
      body.put("amount", renew.amount());
      body.put("currency", "JPY");
      send("POST", Service.SUCCESS, customer(renew) + "/renewal", body, null, 200, 201);
    } else if (action instanceof Action.Churn churn) {
      send(
          "POST",
          Service.SUCCESS,
          customer(churn) + "/churn",
          json.createObjectNode().put("reason", churn.reason()),
          null,
          200,
          201);
      expectNurturing(churn.journey(), "win-back");
    } else if (action instanceof Action.Expand expand) {
      ObjectNode body = json.createObjectNode();
      body.put("kind", expand.kind());
      body.put("amount", expand.amount());
      body.put("currency", "JPY");
      JsonNode answer =
          send(
              "POST",
              Service.SUCCESS,
              customer(expand) + "/expansions",
              body,
              run + "-expansion-" + expand.journey() + "-" + expand.number(),
              201);
      UUID expansion = UUID.fromString(answer.path("id").asText());
      expect(
          "expansion deal of journey " + expand.journey(),
          () -> status(Service.DEAL, "/opportunities/" + expansion) == 200);
      expansions.put(expand.journey() + "/" + expand.number(), expansion);
    } else if (action instanceof Action.WinExpansion win) {
      winExpansion(win);
    } else if (action instanceof Action.Refer refer) {
      refer(refer);
    } else if (action instanceof Action.Advocate advocate) {
      send(
          "POST",
          Service.SUCCESS,
          customer(advocate) + "/advocacy",
          json.createObjectNode().put("markedBy", "cs-simulator"),
          null,
          200,
          201);
    } else if (action instanceof Action.GiveFeedback give) {
      giveFeedback(give);
    } else if (action instanceof Action.AcknowledgeFeedback acknowledge) {
      ObjectNode body =
          json.createObjectNode()
              .put("acknowledgedBy", acknowledge.acknowledgedBy())
              .put("comment", acknowledge.comment());
      send(
          "POST",
          receiver(acknowledge.to()),
          "/feedback/" + known(feedback, acknowledge.feedback(), "feedback") + "/acknowledgement",
          body,
          null,
          201);
    } else if (action instanceof Action.ActOnFeedback act) {
      ObjectNode body =
          json.createObjectNode().put("actedBy", act.actedBy()).put("action", act.action());
      send(
          "POST",
          receiver(act.to()),
          "/feedback/" + known(feedback, act.feedback(), "feedback") + "/action",
          body,
          null,
          201);
    } else {
      throw new IllegalArgumentException("unknown action " + action);
    }
  }

  private void capture(Action.Capture capture) {
    ObjectNode body = json.createObjectNode();
    body.put("source", capture.source().name());
    body.put("campaign", capture.campaign());
    ObjectNode person = body.putObject("person");
    person.put("name", capture.name());
    person.put("email", capture.email().replace("@", "." + run + "@"));
    person.putNull("phone");
    if (capture.title().isEmpty()) {
      person.putNull("title");
    } else {
      person.put("title", capture.title());
    }
    body.put("companyName", capture.company());
    body.put("consent", true);
    JsonNode lead =
        send("POST", Service.LEAD, "/leads", body, run + "-lead-" + capture.journey(), 201);
    leads.put(capture.journey(), UUID.fromString(lead.path("leadId").asText()));
    if (lead.path("excluded").asBoolean() != capture.excludedAtCapture()) {
      throw new IllegalStateException(
          "lead-service "
              + (capture.excludedAtCapture() ? "did not exclude" : "excluded")
              + " journey "
              + capture.journey()
              + " at capture, unlike the simulation (exclusion rules changed?): "
              + lead);
    }
  }

  private void giveFeedback(Action.GiveFeedback give) {
    ObjectNode body = json.createObjectNode();
    body.put("to", give.to());
    if (give.journey() >= 0) {
      body.put("leadId", known(leads, give.journey(), "lead").toString());
      UUID account = accounts.get(give.journey());
      if (account != null && give.giver().equals("CUSTOMER_SUCCESS")) {
        body.put("accountId", account.toString());
      }
    }
    body.put("category", give.category());
    body.put("about", give.about());
    body.put("text", give.text());
    body.put("givenBy", give.givenBy());
    JsonNode answer =
        send(
            "POST",
            party(give.giver()),
            "/feedback",
            body,
            run + "-feedback-" + give.feedback(),
            201);
    UUID id = UUID.fromString(answer.path("feedbackId").asText());
    feedback.put(give.feedback(), id);
    if (!give.to().equals("PRODUCT")) {
      // The receiver learns of it over Kafka; it acknowledges on a later day.
      Service receiver = receiver(give.to());
      expect(
          "feedback " + give.feedback() + " received by " + give.to(),
          () -> status(receiver, "/feedback/" + id) == 200);
    }
  }

  /** The service of a feedback party (a department; product has none). */
  private static Service party(String party) {
    return switch (party) {
      case "MARKETING" -> Service.LEAD;
      case "INSIDE_SALES" -> Service.IS;
      case "FIELD_SALES" -> Service.DEAL;
      case "CUSTOMER_SUCCESS" -> Service.SUCCESS;
      default -> throw new IllegalArgumentException("no service receives feedback for " + party);
    };
  }

  private static Service receiver(String to) {
    return party(to);
  }

  /**
   * Wins an expansion deal, then waits until Customer Success grew the same account by it (and
   * opened no second one for the lead).
   */
  private void winExpansion(Action.WinExpansion win) {
    UUID expansion = expansions.get(win.journey() + "/" + win.number());
    if (expansion == null) {
      throw new IllegalStateException(
          "journey " + win.journey() + " has no expansion " + win.number() + " yet");
    }
    ObjectNode body = json.createObjectNode();
    body.put("amount", win.amount());
    body.put("currency", "JPY");
    body.put("contractStart", win.contractStart().toString());
    body.put("termMonths", 12);
    send("POST", Service.DEAL, "/opportunities/" + expansion + "/won", body, null, 200);
    BigDecimal expanded = expansionValue.merge(win.journey(), win.amount(), BigDecimal::add);
    UUID leadId = leads.get(win.journey());
    expect(
        "expansion " + win.number() + " of journey " + win.journey() + " grows its account",
        () -> {
          JsonNode customer = peek(Service.SUCCESS, customer(win));
          JsonNode value = customer.path("expansionValue");
          return value.isNumber()
              && value.decimalValue().compareTo(expanded) == 0
              && peek(
                          Service.SUCCESS,
                          "/customers?leadId="
                              + URLEncoder.encode(leadId.toString(), StandardCharsets.UTF_8))
                      .size()
                  == 1;
        });
  }

  private void refer(Action.Refer refer) {
    ObjectNode body = json.createObjectNode();
    body.put("companyName", refer.company());
    ObjectNode person = body.putObject("person");
    person.put("name", refer.name());
    person.put("email", refer.email().replace("@", "." + run + "@"));
    send(
        "POST",
        Service.SUCCESS,
        customer(refer) + "/referrals",
        body,
        run + "-referral-" + refer.referred(),
        201);
    String campaign = "referral:" + account(refer.journey());
    String query = "/companies?q=" + URLEncoder.encode(refer.company(), StandardCharsets.UTF_8);
    expect(
        "referred lead of journey " + refer.referred(),
        () -> {
          for (JsonNode company : peek(Service.LEAD, query)) {
            for (JsonNode lead : company.path("leads")) {
              if (campaign.equals(lead.path("campaign").asText())
                  && refer.company().equals(lead.path("companyName").asText())) {
                leads.put(refer.referred(), UUID.fromString(lead.path("leadId").asText()));
                return true;
              }
            }
          }
          return false;
        });
  }

  private void expectNurturing(int journey, String why) {
    UUID leadId = leads.get(journey);
    expect(
        why + " of journey " + journey,
        () -> "NURTURING".equals(peek(Service.LEAD, "/leads/" + leadId).path("stage").asText()));
  }

  private void expect(String what, java.util.function.BooleanSupplier happened) {
    pending.add(new Pending(what, happened));
  }

  /** Waits until every reaction of the day has happened. */
  private void settle() {
    List<Pending> waiting = new ArrayList<>(pending);
    pending.clear();
    try {
      Awaitility.await("the platform's reactions")
          .atMost(SETTLE)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .pollInSameThread()
          .until(
              () -> {
                waiting.removeIf(p -> p.happened().getAsBoolean());
                return waiting.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "waited "
              + SETTLE.toSeconds()
              + " s for "
              + waiting.stream().map(Pending::what).limit(5).toList()
              + (waiting.size() > 5 ? " and " + (waiting.size() - 5) + " more" : ""));
    }
  }

  private String lead(Action action) {
    return "/leads/" + known(leads, action.journey(), "lead");
  }

  private String callList(Action action) {
    return "/call-list/" + known(leads, action.journey(), "lead");
  }

  private String opportunity(Action action) {
    return "/opportunities/" + known(opportunities, action.journey(), "opportunity");
  }

  private String customer(Action action) {
    return "/customers/" + account(action.journey());
  }

  private UUID account(int journey) {
    return known(accounts, journey, "customer account");
  }

  private static UUID known(Map<Integer, UUID> ids, int journey, String what) {
    UUID id = ids.get(journey);
    if (id == null) {
      throw new IllegalStateException("journey " + journey + " has no " + what + " yet");
    }
    return id;
  }

  private JsonNode peek(Service service, String path) {
    HttpResponse<String> response = exchange("GET", service, path, null, null);
    if (response.statusCode() != 200) {
      return json.nullNode();
    }
    return parse(response.body(), path);
  }

  private int status(Service service, String path) {
    return exchange("GET", service, path, null, null).statusCode();
  }

  private JsonNode send(
      String method,
      Service service,
      String path,
      JsonNode body,
      String idempotencyKey,
      int... expected) {
    HttpResponse<String> response = exchange(method, service, path, body, idempotencyKey);
    // A command that lost the append to a concurrent change wrote nothing: as the 409 says, reload
    // and retry. Customer Success applies a won expansion from Kafka while the simulator renews
    // the same account over REST, say.
    for (int retry = 1; retry <= CONCURRENT_WRITE_RETRIES && concurrentWrite(response); retry++) {
      pause(Duration.ofMillis(20L * retry));
      response = exchange(method, service, path, body, idempotencyKey);
    }
    for (int status : expected) {
      if (response.statusCode() == status) {
        return response.body().isEmpty() ? json.nullNode() : parse(response.body(), path);
      }
    }
    throw new IllegalStateException(
        method
            + " "
            + services.get(service)
            + path
            + (body == null ? "" : " " + body)
            + " answered "
            + response.statusCode()
            + ": "
            + response.body());
  }

  private boolean concurrentWrite(HttpResponse<String> response) {
    return response.statusCode() == 409
        && CONCURRENT_WRITE.equals(parse(response.body(), "").path("type").asText());
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying", e);
    }
  }

  private HttpResponse<String> exchange(
      String method, Service service, String path, JsonNode body, String idempotencyKey) {
    URI base = services.get(service);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", JSON)
            // each department acts in its own service; the clock is an admin's
            .header(
                "Authorization",
                Tokens.bearer(path.startsWith("/dev/") ? Role.ADMIN : service.writer()))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", JSON);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + base + path + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + method + " " + path, e);
    }
  }

  private JsonNode parse(String body, String path) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(path + " answered a body that is not JSON: " + body, e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
