package io.themodel.testing.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.themodel.events.Department;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.feedback.FeedbackInbox;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.security.ServiceApi.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A valid call of every operation in a service's OpenAPI document: the one catalogue its access
 * matrix and its fuzz test share. Both contracts fail on an operation the catalogue lacks, so a new
 * endpoint cannot be forgotten by either.
 */
public interface ValidCalls {

  /**
   * For each operation, keyed as the document names it ({@code "POST /leads/{leadId}/activities"}),
   * a supplier of a fresh call the service must answer with a 2xx: new ids, emails and keys each
   * time it is asked, and whatever the call needs first (a lead on the call list, an account) set
   * up before it returns, with the service's own role. A write must write at least one event (the
   * fuzz test finds a valid write's events by its correlation id).
   */
  Map<String, Supplier<Call>> calls();

  /** One concrete request: method, path (filled in), and a body if the operation takes one. */
  record Call(
      String method, String path, String contentType, String body, Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Call get(String path) {
      return new Call("GET", path, null, null, Map.of());
    }

    public static Call json(String method, String path, JsonNode body) {
      return new Call(method, path, "application/json", body.toString(), Map.of());
    }

    /** A write that takes no body. */
    public static Call empty(String method, String path) {
      return new Call(method, path, null, null, Map.of());
    }

    public static Call text(String method, String path, String contentType, String body) {
      return new Call(method, path, contentType, body, Map.of());
    }

    public Call withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Call(method, path, contentType, body, Map.copyOf(more));
    }

    public boolean reads() {
      return method.equals("GET");
    }

    /** The body as a JSON object, if it is one. */
    public Optional<ObjectNode> jsonObject() {
      if (body == null || contentType == null || !contentType.contains("json")) {
        return Optional.empty();
      }
      try {
        JsonNode node = JSON.readTree(body);
        return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
      } catch (JsonProcessingException e) {
        return Optional.empty();
      }
    }

    /** The request, on top of a specification that carries the caller's token (or none). */
    public Response send(RequestSpecification request) {
      RequestSpecification spec = request.headers(headers);
      if (body != null) {
        spec = spec.contentType(contentType).body(body);
      }
      return spec.request(method, path);
    }

    /** Sends it with the service's own role, requires a 2xx, and returns the answer. */
    public Response sendAsOwner() {
      Response response = send(given());
      if (response.statusCode() / 100 != 2) {
        throw new AssertionError(
            "valid call "
                + this
                + " answered "
                + response.statusCode()
                + ": "
                + response.asString());
      }
      return response;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The document's operations the catalogue has no call for ("GET /leads/{leadId}"). */
  static List<String> missing(ServiceApi api, ValidCalls catalogue) {
    Map<String, Supplier<Call>> calls = catalogue.calls();
    return api.operations().stream()
        .map(Operation::toString)
        .filter(operation -> !calls.containsKey(operation))
        .toList();
  }

  /**
   * Calls of the platform's feedback endpoints, which every department service has: feedback it
   * receives is given by the {@code from} department on that department's topic (one this service
   * reads), addressed to {@code self}, and awaited in the inbox before the call is made.
   */
  static Map<String, Supplier<Call>> feedback(Department from, FeedbackParty self) {
    Supplier<UUID> received =
        () -> {
          FeedbackGiven given = TestEvents.feedbackGiven(from, self, UUID.randomUUID());
          TopicProbe.onSharedBroker().publish(given);
          FeedbackInbox.awaitReceived(given.feedbackId());
          return given.feedbackId();
        };
    Map<String, Supplier<Call>> calls = new LinkedHashMap<>();
    calls.put("POST /feedback", () -> Call.json("POST", "/feedback", feedbackToProduct()));
    calls.put("GET /feedback", () -> Call.get("/feedback?direction=received&limit=10"));
    calls.put("GET /feedback/{feedbackId}", () -> Call.get("/feedback/" + received.get()));
    calls.put(
        "POST /feedback/{feedbackId}/acknowledgement",
        () ->
            Call.json(
                "POST",
                "/feedback/" + received.get() + "/acknowledgement",
                JsonNodeFactory.instance
                    .objectNode()
                    .put("acknowledgedBy", "is-suzuki")
                    .put("comment", "Thanks, we will look into it.")));
    calls.put(
        "POST /feedback/{feedbackId}/action",
        () ->
            Call.json(
                "POST",
                "/feedback/" + received.get() + "/action",
                JsonNodeFactory.instance
                    .objectNode()
                    .put("actedBy", "is-suzuki")
                    .put("action", "Added the budget question to the hand-off checklist.")));
    return calls;
  }

  /** A valid {@code POST /feedback} body of any department service: feedback to Product. */
  static ObjectNode feedbackToProduct() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("to", "PRODUCT");
    body.put("leadId", UUID.randomUUID().toString());
    body.put("category", "HANDOFF_INFORMATION");
    body.put("about", "Onboarding questions");
    body.put("text", "Three customers asked the same question this week.");
    body.put("givenBy", "someone-" + UUID.randomUUID());
    return body;
  }
}
