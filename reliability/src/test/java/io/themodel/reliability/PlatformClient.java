package io.themodel.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.testing.process.ServiceProcess.Service;
import io.themodel.testing.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every REST call the reliability tests make goes through here (a header every call will need is
 * one line in {@link #send}). It never throws on an answer: a refused connection and a dropped one
 * are answers too, because the books treat them differently (refused: the command never reached the
 * service; dropped: it may or may not have taken effect).
 */
final class PlatformClient {

  /** How a call ended without an HTTP answer. */
  enum Failure {
    /** There was an HTTP answer. */
    NONE,
    /** The connection was never made: the command did not reach the service. */
    REFUSED,
    /** The connection broke or timed out after the request went out: outcome unknown. */
    DROPPED
  }

  /** One call's outcome: an HTTP status and body, or a failure without one (status 0). */
  record Answer(String request, int status, String body, Failure failure) {

    boolean accepted() {
      return status >= 200 && status < 300;
    }

    boolean refused() {
      return failure == Failure.REFUSED;
    }

    boolean dropped() {
      return failure == Failure.DROPPED;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(request + " answered " + status + ", not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return request
          + " -> "
          + (failure == Failure.NONE ? status + " " + body : failure + " " + body);
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final Map<Service, URI> services;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  PlatformClient(Map<Service, URI> services) {
    this.services = new EnumMap<>(services);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** POST with a JSON body and, unless null, an {@code Idempotency-Key}. */
  Answer post(Service service, String path, JsonNode body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(service, path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(service, request);
  }

  Answer post(Service service, String path, JsonNode body) {
    return post(service, path, body, null);
  }

  Answer get(Service service, String path) {
    return send(service, HttpRequest.newBuilder(uri(service, path)).GET());
  }

  // Each department calls its own service; the projector's rebuild is an admin's.
  private Answer send(Service service, HttpRequest.Builder builder) {
    HttpRequest request =
        builder
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .header("Authorization", Tokens.bearer(service.writer()))
            .build();
    String what = request.method() + " " + request.uri();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(what, response.statusCode(), response.body(), Failure.NONE);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return new Answer(what, 0, e.toString(), Failure.REFUSED);
    } catch (IOException e) {
      return new Answer(what, 0, e.toString(), Failure.DROPPED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + what, e);
    }
  }

  private URI uri(Service service, String path) {
    URI base = services.get(service);
    if (base == null) {
      throw new IllegalStateException("no URI for " + service.module());
    }
    return URI.create(base + path);
  }
}
