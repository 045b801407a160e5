package io.themodel.testing.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.themodel.testing.postgres.TestDatabase;
import io.themodel.testing.security.ServiceApi.Operation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sends at least {@link #MALFORMED} malformed requests to a service (wrong types, missing, null and
 * extra fields, huge strings, bad unicode, negative amounts, injection strings in typed fields, bad
 * path and query parameters, bodies that are not JSON), interleaved with valid ones, and checks: no
 * 5xx, every error is problem+json that leaks no stack trace, SQL or class name, a refused field is
 * named; and the event store holds events of the valid requests only (each request carries its own
 * {@code X-Correlation-Id}). A service's test extends this and gives its valid requests.
 */
public abstract class MalformedRequestsContract {

  /** How many malformed requests a run sends at least. */
  public static final int MALFORMED = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern LEAK =
      Pattern.compile(
          "Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|java\\.|org\\.|io\\.quarkus|io\\.themodel|"
              + "(?i:\\bselect\\b.+\\bfrom\\b|\\binsert into\\b|\\bSQLState\\b|psql|hibernate)");
  private static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE event_store; --",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1/a}",
          "../../../../etc/passwd",
          "%00",
          "{{7*7}}",
          "\" OR \"\"=\"",
          "admin'--",
          "$(touch /tmp/pwned)");
  // As JSON escapes: a serialiser would replace half a surrogate pair before it was ever sent.
  private static final List<String> BAD_TEXT =
      List.of(
          "nul\\u0000byte",
          "lone \\ud800 surrogate",
          "low \\udc00 first",
          "bell\\u0007",
          "esc\\u001b[31m");
  private static final String BAD_TEXT_SLOT = "BAD-TEXT-SLOT";

  /** A request the service must accept: a fresh body (new ids, emails) each time it is asked. */
  public record ValidRequest(String method, String path, Supplier<ObjectNode> body) {}

  /** A valid {@code POST /feedback} body of any department service: feedback to Product. */
  protected static ObjectNode feedbackToProduct() {
    ObjectNode body = NODES.objectNode();
    body.put("to", "PRODUCT");
    body.put("leadId", UUID.randomUUID().toString());
    body.put("category", "HANDOFF_INFORMATION");
    body.put("about", "Onboarding questions");
    body.put("text", "Three customers asked the same question this week.");
    body.put("givenBy", "someone-" + UUID.randomUUID());
    return body;
  }

  /** The service's valid requests, the seeds of the malformed ones; several operations at least. */
  protected abstract List<ValidRequest> validRequests();

  private final Random random = new Random(20261123L);
  private final List<String> wrong = new ArrayList<>();
  private final Set<UUID> accepted = new HashSet<>();
  private final Set<UUID> refused = new HashSet<>();

  @Test
  void malformed_requests_are_refused_as_problems_and_leave_only_what_valid_requests_wrote()
      throws Exception {
    ServiceApi api = ServiceApi.fetch();
    List<Malformed> malformed = new ArrayList<>();
    List<ValidRequest> valid = validRequests();
    while (malformed.size() < MALFORMED) {
      int before = malformed.size();
      for (ValidRequest request : valid) {
        malformed.addAll(mutations(api, request));
      }
      malformed.addAll(queryMutations(api));
      assertThat(malformed)
          .as("malformed requests the document and seeds give")
          .hasSizeGreaterThan(before);
    }
    for (int i = 0; i < malformed.size(); i++) {
      if (i % 25 == 0 && !valid.isEmpty()) {
        sendValid(valid.get((i / 25) % valid.size()));
      }
      send(malformed.get(i));
    }
    assertThat(wrong).as("answers that broke the rules").isEmpty();
    assertThat(accepted)
        .as("valid requests accepted")
        .hasSize(valid.isEmpty() ? 0 : (malformed.size() + 24) / 25);
    eventStore()
        .ifPresent(
            counts -> {
              assertThat(counts.keySet())
                  .as("correlation ids of events written for malformed requests")
                  .doesNotContainAnyElementsOf(refused);
              assertThat(counts.keySet())
                  .as("every accepted valid request wrote its events")
                  .containsAll(accepted);
            });
  }

  /** A malformed request, what it gets wrong, and the field an answer must name (if any). */
  private record Malformed(
      String what,
      String method,
      String path,
      String contentType,
      byte[] body,
      Map<String, String> query,
      String field) {}

  private List<Malformed> mutations(ServiceApi api, ValidRequest request) {
    List<Malformed> out = new ArrayList<>();
    Operation operation = find(api, request);
    JsonNode schema =
        operation == null
            ? NODES.objectNode()
            : api.resolve(
                operation
                    .spec()
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
    // the body as a whole
    out.add(raw(request, "not JSON", "{\"unterminated\": ", null));
    out.add(raw(request, "an array", "[]", null));
    out.add(raw(request, "a string", "\"text\"", null));
    out.add(raw(request, "JSON null", "null", null));
    out.add(raw(request, "no body", "", null));
    out.add(raw(request, "deep nesting", "[".repeat(5000) + "]".repeat(5000), null));
    out.add(
        new Malformed(
            "invalid UTF-8",
            request.method(),
            request.path(),
            "application/json",
            invalidUtf8(request.body().get()),
            Map.of(),
            null));
    out.add(
        new Malformed(
            "text/plain",
            request.method(),
            request.path(),
            "text/plain",
            bytes(request.body().get()),
            Map.of(),
            null));
    ObjectNode extra = request.body().get();
    extra.put("unexpectedField", "x");
    out.add(json(request, "an unknown field", extra, "unexpectedField"));
    // each field
    ObjectNode sample = request.body().get();
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    Iterator<String> names = sample.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      JsonNode fieldSchema = api.resolve(schema.path("properties").path(field));
      JsonNode value = sample.get(field);
      if (required.contains(field)) {
        out.add(field(request, field, "missing", null, true));
        out.add(field(request, field, "null", NODES.nullNode(), false));
      }
      if (!value.isObject()) {
        out.add(field(request, field, "an object", NODES.objectNode().put("x", 1), false));
      }
      if (!value.isArray()) {
        out.add(field(request, field, "an array", NODES.arrayNode().add(1), false));
      }
      if (value.isTextual()) {
        out.add(field(request, field, "a huge string", NODES.textNode("x".repeat(100_001)), false));
        String bad = BAD_TEXT.get(random.nextInt(BAD_TEXT.size()));
        Malformed slotted =
            field(request, field, "bad unicode", NODES.textNode(BAD_TEXT_SLOT), false);
        String text =
            new String(slotted.body(), StandardCharsets.UTF_8).replace(BAD_TEXT_SLOT, bad);
        out.add(
            new Malformed(
                slotted.what(),
                slotted.method(),
                slotted.path(),
                slotted.contentType(),
                text.getBytes(StandardCharsets.UTF_8),
                Map.of(),
                field));
        if (typed(fieldSchema)) {
          String injection = INJECTIONS.get(random.nextInt(INJECTIONS.size()));
          out.add(field(request, field, "an injection", NODES.textNode(injection), false));
        }
      }
      if (value.isNumber()) {
        out.add(field(request, field, "a word", NODES.textNode("twelve"), false));
        if ("integer".equals(fieldSchema.path("type").asText())) {
          out.add(field(request, field, "a fraction", NODES.numberNode(1.5), false));
        }
        if (field.matches("(?i).*(amount|value|price|months|users|logins|tickets).*")) {
          out.add(field(request, field, "negative", NODES.numberNode(-1), false));
        }
      }
      if (value.isBoolean()) {
        out.add(field(request, field, "a word", NODES.textNode("maybe"), false));
      }
    }
    // path parameters that are ids
    if (request.path().matches(".*/[0-9a-f-]{36}(/.*)?")) {
      for (String id : List.of("not-a-uuid", INJECTIONS.get(random.nextInt(INJECTIONS.size())))) {
        String path =
            request
                .path()
                .replaceFirst(
                    "[0-9a-f-]{36}", java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
        out.add(
            new Malformed(
                "a path id of " + id,
                request.method(),
                path,
                "application/json",
                bytes(request.body().get()),
                Map.of(),
                null));
      }
    }
    return out;
  }

  /** GET operations with typed query parameters, each given a value of the wrong type. */
  private List<Malformed> queryMutations(ServiceApi api) {
    List<Malformed> out = new ArrayList<>();
    for (Operation operation : api.operations()) {
      if (!operation.reads() || operation.path().contains("{")) {
        continue;
      }
      for (JsonNode parameter : operation.spec().path("parameters")) {
        if (!"query".equals(parameter.path("in").asText())) {
          continue;
        }
        JsonNode schema = api.resolve(parameter.path("schema"));
        // booleans are left out: JAX-RS reads any word but "true" as false, and so do we
        if (!typed(schema) && !schema.path("type").asText().matches("integer|number")) {
          continue;
        }
        String name = parameter.path("name").asText();
        String value =
            random.nextBoolean()
                ? INJECTIONS.get(random.nextInt(INJECTIONS.size()))
                : "x".repeat(1_000);
        out.add(
            new Malformed(
                "query " + name + " of the wrong type",
                "GET",
                operation.path(),
                null,
                null,
                Map.of(name, value),
                name));
      }
    }
    return out;
  }

  /**
   * Whether a string schema constrains its values (format, enum or a pattern other than the
   * not-blank {@code \\S} that {@code @NotBlank} documents): free text takes injection strings as
   * the text they are.
   */
  private static boolean typed(JsonNode schema) {
    return schema.has("enum")
        || (schema.has("pattern") && !schema.path("pattern").asText().equals("\\S"))
        || schema.path("format").asText().matches("uuid|date|date-time|email|duration");
  }

  private Malformed field(
      ValidRequest request, String field, String what, JsonNode value, boolean remove) {
    ObjectNode body = request.body().get();
    if (remove) {
      body.remove(field);
    } else {
      body.set(field, value);
    }
    return json(request, field + " " + what, body, field);
  }

  private static Malformed json(ValidRequest request, String what, ObjectNode body, String field) {
    return new Malformed(
        what, request.method(), request.path(), "application/json", bytes(body), Map.of(), field);
  }

  private static Malformed raw(ValidRequest request, String what, String body, String field) {
    return new Malformed(
        what,
        request.method(),
        request.path(),
        "application/json",
        body.getBytes(StandardCharsets.UTF_8),
        Map.of(),
        field);
  }

  private static byte[] bytes(JsonNode body) {
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The body with a byte that cannot start a UTF-8 sequence inside its first string. */
  private static byte[] invalidUtf8(ObjectNode body) {
    byte[] bytes = bytes(body);
    String text = body.toString();
    int quote = text.indexOf(":\"");
    byte[] out = bytes.clone();
    out[Math.max(quote + 2, 0)] = (byte) 0xC3;
    if (quote + 3 < out.length) {
      out[quote + 3] = (byte) 0x28;
    }
    return out;
  }

  private static Operation find(ServiceApi api, ValidRequest request) {
    for (Operation operation : api.operations()) {
      String template = operation.path().replaceAll("\\{[^}]+}", "[^/]+");
      if (operation.method().equals(request.method()) && request.path().matches(template)) {
        return operation;
      }
    }
    return null;
  }

  private void sendValid(ValidRequest request) {
    UUID correlation = UUID.randomUUID();
    Response response =
        given()
            .header("X-Correlation-Id", correlation.toString())
            .contentType("application/json")
            .body(request.body().get().toString())
            .request(request.method(), request.path());
    if (response.statusCode() / 100 != 2) {
      wrong.add(
          "valid "
              + request.method()
              + " "
              + request.path()
              + " answered "
              + response.statusCode()
              + ": "
              + response.asString());
    } else {
      accepted.add(correlation);
    }
  }

  private void send(Malformed request) {
    UUID correlation = UUID.randomUUID();
    RequestSpecification spec =
        given().header("X-Correlation-Id", correlation.toString()).queryParams(request.query());
    if (request.body() != null) {
      spec = spec.contentType(request.contentType()).body(request.body());
    }
    Response response = spec.request(request.method(), request.path());
    int status = response.statusCode();
    String body = response.asString();
    String label = request.method() + " " + request.path() + " with " + request.what();
    if (status < 400 || status >= 500) {
      wrong.add(label + ": " + status + " " + abbreviate(body));
      if (status / 100 == 2) {
        // accepted although malformed: whatever it wrote must not count as a valid request's
        refused.add(correlation);
      }
      return;
    }
    refused.add(correlation);
    if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
      wrong.add(label + ": " + status + " as " + response.contentType());
      return;
    }
    if (LEAK.matcher(body).find()) {
      wrong.add(label + ": the problem leaks internals: " + abbreviate(body));
    }
    if (status == 400 && request.field() != null && !names(body, request.field())) {
      wrong.add(label + ": 400 does not name " + request.field() + ": " + abbreviate(body));
    }
  }

  private static boolean names(String problem, String field) {
    try {
      for (JsonNode error : JSON.readTree(problem).path("errors")) {
        String named = error.path("field").asText();
        if (named.equals(field)
            || named.startsWith(field + ".")
            || named.startsWith(field + "[")
            || named.endsWith("." + field)) {
          return true;
        }
      }
      return false;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  /**
   * Events written since the service started, counted per correlation id; none for the projector.
   */
  private static Optional<Map<UUID, Integer>> eventStore() {
    try (Connection connection = TestDatabase.connectToServiceUnderTest();
        PreparedStatement exists =
            connection.prepareStatement("select to_regclass('event_store') is not null")) {
      try (ResultSet rows = exists.executeQuery()) {
        rows.next();
        if (!rows.getBoolean(1)) {
          return Optional.empty();
        }
      }
      Map<UUID, Integer> counts = new HashMap<>();
      try (PreparedStatement query =
              connection.prepareStatement(
                  "select correlation_id, count(*) from event_store group by correlation_id");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getObject(1, UUID.class), rows.getInt(2));
        }
      }
      return Optional.of(counts);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
