package io.themodel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.themodel.events.Role;
import io.themodel.testing.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Every REST call the benchmarks make, and the one place that builds their requests ({@link
 * #request}): when the services require a bearer token (issue 11), it is added there.
 */
public final class BenchClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final ObjectMapper json = new ObjectMapper();

  /** The request every call starts from: headers every service needs go here. */
  // Marketing captures leads; the funnel is read with the same token (every role reads).
  private HttpRequest.Builder request(URI base, String path) {
    return request(base, path, Role.MARKETING);
  }

  private HttpRequest.Builder request(URI base, String path, Role role) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", Tokens.bearer(role));
  }

  /** {@code POST /leads} of a new lead whose email and company are unique to {@code n}. */
  public int captureLead(URI lead, String run, long n) {
    try {
      return http.send(captureLeadRequest(lead, run, n), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The same without waiting: the answer's status, or -1 when the call failed. */
  public CompletableFuture<Integer> captureLeadAsync(URI lead, String run, long n) {
    return http.sendAsync(captureLeadRequest(lead, run, n), HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode)
        .exceptionally(error -> -1);
  }

  private HttpRequest captureLeadRequest(URI lead, String run, long n) {
    String id = run + "-" + n;
    String body =
        "{\"source\":\"WEB_FORM\",\"campaign\":\"bench\",\"person\":{\"name\":\"Bench "
            + id
            + "\",\"email\":\"p"
            + id
            + "@c"
            + id
            + ".bench.example\",\"phone\":null,\"title\":null},\"companyName\":\"Bench "
            + id
            + "\",\"consent\":true}";
    return request(lead, "/leads")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** How many journeys {@code GET /funnel} counts at {@code LEAD_CAPTURED} (all time, now). */
  public long leadsCaptured(URI kpi) {
    JsonNode funnel = get(kpi, "/funnel");
    for (JsonNode stage : funnel.get("stages")) {
      if ("LEAD_CAPTURED".equals(stage.get("stage").asText())) {
        return stage.get("reached").asLong();
      }
    }
    throw new IllegalStateException("GET /funnel has no LEAD_CAPTURED stage: " + funnel);
  }

  /** {@code POST /rebuild}: starts the kpi-projector's replay of every topic. */
  public JsonNode startRebuild(URI kpi) {
    return send(
        request(kpi, "/rebuild", Role.ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(),
        202);
  }

  /** {@code GET /rebuild}: the rebuild's state, events applied, events/s. */
  public JsonNode rebuildProgress(URI kpi) {
    return get(kpi, "/rebuild");
  }

  /** Whether {@code GET /q/health/ready} answers 200. */
  public boolean ready(URI service) {
    try {
      HttpRequest request =
          request(service, "/q/health/ready").timeout(Duration.ofSeconds(2)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private JsonNode get(URI base, String path) {
    return send(request(base, path).GET().build(), 200);
  }

  private JsonNode send(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
