package io.themodel.testing.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations a running service publishes in its OpenAPI document ({@code /q/openapi}), so that
 * tests walk every endpoint and a new one cannot be forgotten.
 */
public final class ServiceApi {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** One operation: its HTTP method, path template and the document's description of it. */
  public record Operation(String method, String path, JsonNode spec) {

    /** The path with every {parameter} filled with a value of its declared type. */
    public String samplePath() {
      String path = this.path;
      for (JsonNode parameter : spec.path("parameters")) {
        if ("path".equals(parameter.path("in").asText())) {
          path =
              path.replace(
                  "{" + parameter.path("name").asText() + "}", sample(parameter.path("schema")));
        }
      }
      // a parameter declared on the path item rather than the operation
      return path.replaceAll("\\{[^}]+}", "sample");
    }

    /** The media type the operation takes a body in (the document's first), else JSON. */
    public String contentType() {
      Iterator<String> types = spec.path("requestBody").path("content").fieldNames();
      return types.hasNext() ? types.next() : "application/json";
    }

    public boolean reads() {
      return method.equals("GET");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final JsonNode document;

  private ServiceApi(JsonNode document) {
    this.document = document;
  }

  /** Reads the OpenAPI document of the service under test (no token: it is public). */
  public static ServiceApi fetch() {
    String json =
        given()
            .noFiltersOfType(ServiceTokens.class)
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    try {
      return new ServiceApi(new ObjectMapper().readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode document() {
    return document;
  }

  /** Every operation of the document, in its order. */
  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (METHODS.contains(method.getKey())) {
          ObjectNode spec = method.getValue().deepCopy();
          // parameters declared once for the whole path apply to each of its operations
          for (JsonNode shared : path.getValue().path("parameters")) {
            spec.withArray("parameters").add(shared);
          }
          operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), spec));
        }
      }
    }
    return operations;
  }

  /** Follows a {@code $ref} into the document's components; other schemas are returned as is. */
  public JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
      String ref = current.path("$ref").asText();
      current = document.at(ref.substring(1));
    }
    return current;
  }

  static String sample(JsonNode schema) {
    if (schema.has("enum")) {
      return schema.path("enum").get(0).asText();
    }
    String format = schema.path("format").asText();
    String type = schema.path("type").asText();
    if (format.equals("uuid")) {
      return "5b0a1c1e-0000-4000-8000-000000000001";
    }
    if (format.equals("date")) {
      return "2026-11-23";
    }
    if (format.equals("date-time")) {
      return "2026-11-23T00:00:00Z";
    }
    if (type.equals("integer") || type.equals("number")) {
      return "1";
    }
    if (schema.has("pattern") && schema.path("pattern").asText().contains("Q")) {
      return "2026-Q4";
    }
    return "sample";
  }
}
