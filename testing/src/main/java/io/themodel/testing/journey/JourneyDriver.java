package io.themodel.testing.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Drives one customer journey through the five services' REST APIs, the way the internal systems
 * and the departments' users do: capture a lead, qualify it (MQL), toss it up, accept it as a valid
 * opportunity, win the deal, see the customer onboarded, read the funnel.
 *
 * <p>Hand-offs between departments travel over Kafka, so the steps that follow one wait (bounded)
 * until the receiving service knows about it. Any other unexpected answer is an {@link
 * UnexpectedAnswer} naming the request, the status and the body.
 */
public final class JourneyDriver {

  /** Something a journey step did not expect: a status, a body, or a wait that ran out. */
  public static final class UnexpectedAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    UnexpectedAnswer(String what, int status, String body) {
      super(what + " answered " + status + ": " + body);
      this.status = status;
      this.body = body;
    }

    /** The HTTP status of the last answer (0 if the service did not answer at all). */
    public int status() {
      return status;
    }

    public String body() {
      return body;
    }
  }

  /** A lead as an internal system submits it; {@link #sample()} has sensible defaults. */
  public record NewLead(
      String source,
      String campaign,
      String name,
      String email,
      String companyName,
      boolean consent,
      String idempotencyKey) {

    /** An inquiry from a consenting person at a company, with a fresh idempotency key. */
    public static NewLead sample() {
      String key = UUID.randomUUID().toString();
      return new NewLead(
          "INQUIRY",
          "spring-seminar",
          "山田 太郎",
          "taro." + key.substring(0, 8) + "@example.co.jp",
          "株式会社PPT",
          true,
          key);
    }

    public NewLead withSource(String value) {
      return new NewLead(value, campaign, name, email, companyName, consent, idempotencyKey);
    }

    public NewLead withCampaign(String value) {
      return new NewLead(source, value, name, email, companyName, consent, idempotencyKey);
    }

    public NewLead withPerson(String personName, String personEmail) {
      return new NewLead(
          source, campaign, personName, personEmail, companyName, consent, idempotencyKey);
    }

    public NewLead withCompanyName(String value) {
      return new NewLead(source, campaign, name, email, value, consent, idempotencyKey);
    }
  }

  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final String JSON = "application/json";

  private final Map<Service, URI> services;
  private final Duration wait;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * A driver for services at these base URIs (a test that runs only some services gives only
   * theirs), waiting at most {@code wait} for a hand-off.
   */
  public JourneyDriver(Map<Service, URI> services, Duration wait) {
    this.services = services.isEmpty() ? new EnumMap<>(Service.class) : new EnumMap<>(services);
    this.wait = wait;
  }

  /** A driver for these services, waiting at most 60 s for a hand-off. */
  public JourneyDriver(Map<Service, URI> services) {
    this(services, DEFAULT_WAIT);
  }

  /** A driver for services on 127.0.0.1 at these ports, in {@link Service} order. */
  public static JourneyDriver onPorts(int lead, int is, int deal, int success, int kpi) {
    Map<Service, URI> uris = new EnumMap<>(Service.class);
    uris.put(Service.LEAD, local(lead));
    uris.put(Service.IS, local(is));
    uris.put(Service.DEAL, local(deal));
    uris.put(Service.SUCCESS, local(success));
    uris.put(Service.KPI, local(kpi));
    return new JourneyDriver(uris, DEFAULT_WAIT);
  }

  /** A driver for the local run: each service on its configured port (env or default). */
  public static JourneyDriver local() {
    Map<Service, URI> uris = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      uris.put(service, local(service.configuredPort()));
    }
    return new JourneyDriver(uris, DEFAULT_WAIT);
  }

  private static URI local(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Marketing captures a lead ({@code POST /leads}); returns its id. */
  public UUID captureLead(NewLead lead) {
    ObjectNode body = json.createObjectNode();
    body.put("source", lead.source());
    body.put("campaign", lead.campaign());
    ObjectNode person = body.putObject("person");
    person.put("name", lead.name());
    person.put("email", lead.email());
    person.putNull("phone");
    person.putNull("title");
    body.put("companyName", lead.companyName());
    body.put("consent", lead.consent());
    HttpRequest.Builder request = post(Service.LEAD, "/leads", body);
    if (lead.idempotencyKey() != null) {
      request.header("Idempotency-Key", lead.idempotencyKey());
    }
    Answer answer = send(request.build());
    // 200: the same idempotency key was seen before, and this is that lead.
    return UUID.fromString(answer.expect(201, 200).get("leadId").asText());
  }

  /** Marketing qualifies the lead into a band ({@code MQL_LOW}, {@code MQL_HIGH}, {@code SQL}). */
  public JsonNode qualify(UUID leadId, String band) {
    ObjectNode body = json.createObjectNode().put("band", band);
    return send(post(Service.LEAD, "/leads/" + leadId + "/qualification", body).build())
        .expect(200);
  }

  /** The lead as marketing sees it. */
  public JsonNode lead(UUID leadId) {
    return send(get(Service.LEAD, "/leads/" + leadId)).expect(200);
  }

  /** Inside Sales' call list. */
  public JsonNode callList() {
    return send(get(Service.IS, "/call-list")).expect(200);
  }

  /**
   * Inside Sales tosses the lead up to a field sales rep; waits while the MQL is still on its way
   * (404). Returns the toss-up id, which is also the opportunity id in field sales.
   */
  public UUID tossUp(UUID leadId, String assignedRep, String handoffComment) {
    ObjectNode body =
        json.createObjectNode()
            .put("assignedRep", assignedRep)
            .put("handoffComment", handoffComment);
    Answer answer =
        retryWhileNotFound(
            "toss-up of lead " + leadId,
            () -> send(post(Service.IS, "/call-list/" + leadId + "/toss-up", body).build()));
    return UUID.fromString(answer.expect(201).get("tossUpId").asText());
  }

  /** The opportunity as field sales sees it; waits while the toss-up is on its way (404). */
  public JsonNode opportunity(UUID opportunityId) {
    return retryWhileNotFound(
            "opportunity " + opportunityId,
            () -> send(get(Service.DEAL, "/opportunities/" + opportunityId)))
        .expect(200);
  }

  /**
   * Field sales accepts the toss-up: it becomes a valid opportunity (有効商談). Waits while the toss-up
   * is on its way (404).
   */
  public JsonNode accept(UUID opportunityId, String acceptedBy) {
    ObjectNode body = json.createObjectNode().put("acceptedBy", acceptedBy);
    return retryWhileNotFound(
            "acceptance of opportunity " + opportunityId,
            () ->
                send(
                    post(Service.DEAL, "/opportunities/" + opportunityId + "/acceptance", body)
                        .build()))
        .expect(200);
  }

  /** Field sales wins the deal. */
  public JsonNode win(
      UUID opportunityId, BigDecimal amount, String currency, LocalDate start, int termMonths) {
    ObjectNode body = json.createObjectNode();
    body.put("amount", amount);
    body.put("currency", currency);
    body.put("contractStart", start.toString());
    body.put("termMonths", termMonths);
    return send(post(Service.DEAL, "/opportunities/" + opportunityId + "/won", body).build())
        .expect(200);
  }

  /** Waits until customer success has onboarded the lead's account, and returns the customer. */
  public JsonNode awaitCustomer(UUID leadId) {
    String path =
        "/customers?leadId=" + URLEncoder.encode(leadId.toString(), StandardCharsets.UTF_8);
    JsonNode customers =
        awaitAnswer(
            "customer of lead " + leadId,
            () -> send(get(Service.SUCCESS, path)),
            answer -> answer.status() == 200 && answer.json().size() > 0);
    return customers.get(0);
  }

  /** The funnel now: stage → count, in funnel order. */
  public Map<String, Long> funnel() {
    Answer answer = send(get(Service.KPI, "/funnel"));
    answer.expect(200);
    return answer.stages();
  }

  /** The funnel as it was at an instant. */
  public Map<String, Long> funnel(Instant asOf) {
    String query = "?asOf=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8);
    Answer answer = send(get(Service.KPI, "/funnel" + query));
    answer.expect(200);
    return answer.stages();
  }

  /**
   * Waits until the funnel satisfies the condition (the projector consumes every topic
   * asynchronously) and returns it.
   */
  public Map<String, Long> awaitFunnel(Predicate<Map<String, Long>> condition) {
    return awaitRaw(
            "funnel",
            () -> send(get(Service.KPI, "/funnel")),
            answer -> answer.status() == 200 && condition.test(answer.stages()))
        .stages();
  }

  private Answer retryWhileNotFound(String what, Supplier<Answer> call) {
    return awaitRaw(what, call, answer -> answer.status() != 404);
  }

  private JsonNode awaitAnswer(String what, Supplier<Answer> call, Predicate<Answer> done) {
    return awaitRaw(what, call, done).json();
  }

  private Answer awaitRaw(String what, Supplier<Answer> call, Predicate<Answer> done) {
    AtomicReference<Answer> last = new AtomicReference<>();
    try {
      return Awaitility.await(what)
          .atMost(wait)
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL)
          .pollInSameThread()
          .until(
              () -> {
                Answer answer = call.get();
                last.set(answer);
                return answer;
              },
              done);
    } catch (ConditionTimeoutException e) {
      Answer answer = last.get();
      if (answer == null) {
        throw new UnexpectedAnswer("waited " + wait.toSeconds() + " s for " + what, 0, "");
      }
      throw new UnexpectedAnswer(
          "waited " + wait.toSeconds() + " s for " + what + "; " + answer.request(),
          answer.status(),
          answer.body());
    }
  }

  private HttpRequest.Builder post(Service service, String path, JsonNode body) {
    return HttpRequest.newBuilder(uri(service, path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", JSON)
        .header("Accept", JSON)
        .header("Authorization", Tokens.bearer(service.writer()))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
  }

  private HttpRequest get(Service service, String path) {
    return HttpRequest.newBuilder(uri(service, path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", JSON)
        .header("Authorization", Tokens.bearer(service.writer()))
        .GET()
        .build();
  }

  private URI uri(Service service, String path) {
    URI base = services.get(service);
    if (base == null) {
      throw new IllegalStateException("this driver has no URI for " + service.module());
    }
    return URI.create(base + path);
  }

  private Answer send(HttpRequest request) {
    String what = request.method() + " " + request.uri();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(what, response.statusCode(), response.body());
    } catch (IOException e) {
      // Not answering is an answer too: a wait may outlast a restart, a plain call fails below.
      return new Answer(what, 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + what, e);
    }
  }

  /** One HTTP answer, kept for the error message should it not be the expected one. */
  private final class Answer {
    private final String request;
    private final int status;
    private final String body;

    Answer(String request, int status, String body) {
      this.request = request;
      this.status = status;
      this.body = Objects.requireNonNullElse(body, "");
    }

    String request() {
      return request;
    }

    int status() {
      return status;
    }

    String body() {
      return body;
    }

    JsonNode json() {
      try {
        return json.readTree(body);
      } catch (IOException e) {
        throw new UnexpectedAnswer(request + " (body is not JSON)", status, body);
      }
    }

    /** The funnel's {@code stages} array as stage → count, in the order the projector gives. */
    Map<String, Long> stages() {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (JsonNode stage : json().path("stages")) {
        if (!stage.path("stage").isTextual() || !stage.path("reached").isIntegralNumber()) {
          throw new UnexpectedAnswer(
              request + " (a stage without \"stage\" and \"reached\")", status, body);
        }
        counts.put(stage.get("stage").asText(), stage.get("reached").asLong());
      }
      return counts;
    }

    JsonNode expect(int... statuses) {
      for (int expected : statuses) {
        if (status == expected) {
          return body.isEmpty() ? json.nullNode() : json();
        }
      }
      throw new UnexpectedAnswer(request, status, body);
    }
  }
}
