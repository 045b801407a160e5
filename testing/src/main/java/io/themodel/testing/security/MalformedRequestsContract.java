package io.themodel.testing.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.themodel.testing.postgres.TestDatabase;
import io.themodel.testing.security.ServiceApi.Operation;
import io.themodel.testing.security.ValidCalls.Call;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sends at least {@link #MALFORMED} malformed requests to a service (wrong types, missing, null and
 * extra fields, huge strings, bad unicode, negative amounts, injection strings in typed fields, bad
 * path and query parameters, bodies that are not JSON), made from a valid call of every operation
 * in its OpenAPI document (its {@link ValidCalls} catalogue, which the access matrix shares), and
 * checks: no 5xx, every error is problem+json that leaks no stack trace, SQL or class name, a
 * refused field is named. Then the database: the malformed requests alone change the row count of
 * no table; sent again between valid calls of every write, the event store holds the valid calls'
 * events and none of a malformed request (each request carries its own {@code X-Correlation-Id}).
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

  /** A valid call of each operation, shared with the service's access matrix. */
  protected abstract ValidCalls validCalls();

  private final Random random = new Random(20261123L);
  private final List<String> wrong = new ArrayList<>();
  private final Set<UUID> accepted = new HashSet<>();
  private final Set<UUID> refused = new HashSet<>();

  @Test
  void the_catalogue_has_a_valid_call_for_every_operation() {
    assertThat(ValidCalls.missing(ServiceApi.fetch(), validCalls()))
        .as("operations of /q/openapi without a valid call in the catalogue")
        .isEmpty();
  }

  @Test
  void malformed_requests_are_refused_as_problems_and_leave_only_what_valid_requests_wrote()
      throws Exception {
    ServiceApi api = ServiceApi.fetch();
    Map<String, Supplier<Call>> calls = validCalls().calls();
    List<Malformed> malformed = new ArrayList<>();
    while (malformed.size() < MALFORMED) {
      int before = malformed.size();
      for (Operation operation : api.operations()) {
        Supplier<Call> valid = calls.get(operation.toString());
        if (valid != null) {
          malformed.addAll(mutations(api, operation, valid.get()));
        }
      }
      assertThat(malformed)
          .as("malformed requests the document and catalogue give")
          .hasSizeGreaterThan(before);
    }

    // the malformed requests alone: no table of the service gains or loses a row
    Map<String, Long> rowsBefore = settledRowCounts();
    for (Malformed request : malformed) {
      send(request);
    }
    assertThat(wrong).as("answers that broke the rules").isEmpty();
    assertThat(rowCounts()).as("rows per table after the malformed requests").isEqualTo(rowsBefore);

    // again, a few at a time between valid calls of every write
    List<Supplier<Call>> writes =
        api.operations().stream()
            .filter(operation -> !operation.reads())
            .map(operation -> calls.get(operation.toString()))
            .filter(java.util.Objects::nonNull)
            .toList();
    int validCalls = writes.isEmpty() ? 0 : 3 * writes.size();
    int between = validCalls == 0 ? 0 : Math.max(1, malformed.size() / validCalls);
    for (int i = 0; i < validCalls; i++) {
      sendValid(writes.get(i % writes.size()).get());
      for (int j = i * between; j < (i + 1) * between && j < malformed.size(); j++) {
        send(malformed.get(j));
      }
    }
    assertThat(wrong).as("answers that broke the rules").isEmpty();
    assertThat(accepted).as("valid writes accepted").hasSize(validCalls);
    eventStore()
        .ifPresent(
            counts -> {
              assertThat(counts.keySet())
                  .as("correlation ids of events written for malformed requests")
                  .doesNotContainAnyElementsOf(refused);
              assertThat(counts.keySet())
                  .as("every accepted valid write wrote its events")
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
      Map<String, String> headers,
      String field) {}

  /** The malformed variants of one valid call of the operation. */
  private List<Malformed> mutations(ServiceApi api, Operation operation, Call call) {
    List<Malformed> out = new ArrayList<>();
    Optional<ObjectNode> json = call.jsonObject();
    if (json.isPresent()) {
      out.addAll(bodyMutations(api, operation, call));
    } else if (call.body() != null) {
      // a body of another kind (CSV): sent as JSON, or as nothing at all
      out.add(raw(call, "a JSON body", "application/json", "{\"rows\": []}", null));
      out.add(raw(call, "no body", call.contentType(), "", null));
    }
    // path parameters that are ids
    if (call.path().matches(".*/[0-9a-f-]{36}(/.*|\\?.*)?")) {
      for (String id : List.of("not-a-uuid", INJECTIONS.get(random.nextInt(INJECTIONS.size())))) {
        String path =
            call.path()
                .replaceFirst(
                    "[0-9a-f-]{36}", java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
        out.add(
            new Malformed(
                "a path id of " + id,
                call.method(),
                path,
                call.contentType(),
                call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8),
                Map.of(),
                call.headers(),
                null));
      }
    }
    if (call.reads()) {
      out.addAll(queryMutations(api, operation, call));
    }
    return out;
  }

  private List<Malformed> bodyMutations(ServiceApi api, Operation operation, Call call) {
    List<Malformed> out = new ArrayList<>();
    JsonNode schema =
        api.resolve(
            operation
                .spec()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema"));
    // the body as a whole
    out.add(raw(call, "not JSON", "application/json", "{\"unterminated\": ", null));
    out.add(raw(call, "an array", "application/json", "[]", null));
    out.add(raw(call, "a string", "application/json", "\"text\"", null));
    out.add(raw(call, "JSON null", "application/json", "null", null));
    out.add(raw(call, "no body", "application/json", "", null));
    out.add(
        raw(call, "deep nesting", "application/json", "[".repeat(5000) + "]".repeat(5000), null));
    out.add(withBody(call, "invalid UTF-8", "application/json", invalidUtf8(body(call)), null));
    out.add(withBody(call, "text/plain", "text/plain", bytes(body(call)), null));
    ObjectNode extra = body(call);
    extra.put("unexpectedField", "x");
    out.add(json(call, "an unknown field", extra, "unexpectedField"));
    // each field
    ObjectNode sample = body(call);
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    Iterator<String> names = sample.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      JsonNode fieldSchema = api.resolve(schema.path("properties").path(field));
      JsonNode value = sample.get(field);
      if (required.contains(field)) {
        out.add(field(call, field, "missing", null, true));
        out.add(field(call, field, "null", NODES.nullNode(), false));
      }
      if (!value.isObject()) {
        out.add(field(call, field, "an object", NODES.objectNode().put("x", 1), false));
      }
      if (!value.isArray()) {
        out.add(field(call, field, "an array", NODES.arrayNode().add(1), false));
      }
      if (value.isTextual()) {
        out.add(field(call, field, "a huge string", NODES.textNode("x".repeat(100_001)), false));
        String bad = BAD_TEXT.get(random.nextInt(BAD_TEXT.size()));
        Malformed slotted = field(call, field, "bad unicode", NODES.textNode(BAD_TEXT_SLOT), false);
        String text =
            new String(slotted.body(), StandardCharsets.UTF_8).replace(BAD_TEXT_SLOT, bad);
        out.add(
            withBody(
                call,
                slotted.what(),
                slotted.contentType(),
                text.getBytes(StandardCharsets.UTF_8),
                field));
        if (typed(fieldSchema)) {
          String injection = INJECTIONS.get(random.nextInt(INJECTIONS.size()));
          out.add(field(call, field, "an injection", NODES.textNode(injection), false));
        }
      }
      if (value.isNumber()) {
        out.add(field(call, field, "a word", NODES.textNode("twelve"), false));
        if ("integer".equals(fieldSchema.path("type").asText())) {
          out.add(field(call, field, "a fraction", NODES.numberNode(1.5), false));
        }
        if (field.matches("(?i).*(amount|value|price|months|users|logins|tickets).*")) {
          out.add(field(call, field, "negative", NODES.numberNode(-1), false));
        }
      }
      if (value.isBoolean()) {
        out.add(field(call, field, "a word", NODES.textNode("maybe"), false));
      }
    }
    return out;
  }

  /** The read's typed query parameters, each given a value of the wrong type. */
  private List<Malformed> queryMutations(ServiceApi api, Operation operation, Call call) {
    List<Malformed> out = new ArrayList<>();
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
              call.path().replaceFirst("\\?.*", ""),
              null,
              null,
              Map.of(name, value),
              call.headers(),
              name));
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

  private static ObjectNode body(Call call) {
    return call.jsonObject().orElseThrow();
  }

  private Malformed field(Call call, String field, String what, JsonNode value, boolean remove) {
    ObjectNode body = body(call);
    if (remove) {
      body.remove(field);
    } else {
      body.set(field, value);
    }
    return json(call, field + " " + what, body, field);
  }

  private static Malformed json(Call call, String what, ObjectNode body, String field) {
    return withBody(call, what, "application/json", bytes(body), field);
  }

  private static Malformed raw(
      Call call, String what, String contentType, String body, String field) {
    return withBody(call, what, contentType, body.getBytes(StandardCharsets.UTF_8), field);
  }

  private static Malformed withBody(
      Call call, String what, String contentType, byte[] body, String field) {
    return new Malformed(
        what, call.method(), call.path(), contentType, body, Map.of(), call.headers(), field);
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

  private void sendValid(Call call) {
    UUID correlation = UUID.randomUUID();
    Response response = call.send(given().header("X-Correlation-Id", correlation.toString()));
    if (response.statusCode() / 100 != 2) {
      wrong.add(
          "valid " + call + " answered " + response.statusCode() + ": " + response.asString());
    } else {
      accepted.add(correlation);
    }
  }

  private void send(Malformed request) {
    UUID correlation = UUID.randomUUID();
    RequestSpecification spec =
        given()
            .headers(request.headers())
            .header("X-Correlation-Id", correlation.toString())
            .queryParams(request.query());
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
    if (!request.query().isEmpty() && status != 400) {
      // JAX-RS answers a query parameter it cannot convert with a bare 404: the platform does not
      wrong.add(label + ": " + status + ", not a 400 naming the parameter");
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
   * The row counts once they stopped moving (a relay or an inbox may still be finishing the set-up
   * of the valid calls the malformed ones were made from).
   */
  private static Map<String, Long> settledRowCounts() {
    AtomicReference<Map<String, Long>> last = new AtomicReference<>(rowCounts());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> last.getAndSet(rowCounts()).equals(last.get()));
    return last.get();
  }

  /** Rows per table of the service's own schema. */
  private static Map<String, Long> rowCounts() {
    try (Connection connection = TestDatabase.connectToServiceUnderTest()) {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement query =
              connection.prepareStatement(
                  "select quote_ident(table_name) from information_schema.tables"
                      + " where table_schema = current_schema() and table_type = 'BASE TABLE'"
                      + " order by table_name");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      Map<String, Long> counts = new TreeMap<>();
      for (String table : tables) {
        try (PreparedStatement count =
                connection.prepareStatement("select count(*) from " + table);
            ResultSet rows = count.executeQuery()) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
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
