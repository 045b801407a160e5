package io.themodel.testing.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.themodel.events.Role;
import io.themodel.testing.security.ServiceApi.Operation;
import io.themodel.testing.security.ValidCalls.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The access matrix, checked on every operation of the service's OpenAPI document: without a valid
 * token (none, expired, signed by a stranger) a 401, with a role the matrix does not allow a 403,
 * both as problem+json; with an allowed role a 2xx for a valid call from the service's {@link
 * ValidCalls} catalogue, which must cover every operation. A service's test extends this with
 * {@code @QuarkusTest} and states its writer role and its catalogue.
 *
 * <p>The matrix (README, "Security"): every role reads every service; only the owning department's
 * role writes a department service; only {@code admin} writes the projector.
 */
public abstract class AccessMatrixContract {

  /** The one role that may write this service's resources. */
  protected abstract Role writer();

  /** A valid call of each operation, shared with the service's fuzz test. */
  protected abstract ValidCalls validCalls();

  @Test
  void the_openapi_document_lists_the_services_operations() {
    List<String> listed =
        ServiceApi.fetch().operations().stream().map(Operation::toString).toList();
    // every operation the catalogue calls: an empty or shrunken document cannot pass
    assertThat(listed).containsAll(validCalls().calls().keySet());
  }

  @Test
  void every_operation_refuses_a_call_without_a_valid_token_with_a_problem_401() {
    List<String> wrong = new ArrayList<>();
    for (Operation operation : ServiceApi.fetch().operations()) {
      check(operation, "no token", () -> anonymous(), 401, wrong);
      check(operation, "expired token", () -> as(Tokens.expired(writer())), 401, wrong);
      check(operation, "stranger's token", () -> as(Tokens.signedByStranger(writer())), 401, wrong);
      check(operation, "not a token", () -> as("not.a.jwt"), 401, wrong);
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void the_catalogue_has_a_valid_call_for_every_operation() {
    assertThat(ValidCalls.missing(ServiceApi.fetch(), validCalls()))
        .as("operations of /q/openapi without a valid call in the catalogue")
        .isEmpty();
  }

  /**
   * Each operation is made as a valid call: an allowed role gets a 2xx; any other role a 403 for
   * the very same call, so that the refusal is the rule's and not the body's.
   */
  @Test
  void every_operation_answers_each_role_as_the_matrix_says() {
    Map<String, Supplier<Call>> calls = validCalls().calls();
    List<String> wrong = new ArrayList<>();
    for (Operation operation : ServiceApi.fetch().operations()) {
      Supplier<Call> valid = calls.get(operation.toString());
      if (valid == null) {
        continue; // the catalogue test names it
      }
      Call refusable = null;
      for (Role role : Role.values()) {
        boolean allowed = operation.reads() || role == writer();
        RequestSpecification caller = as(Tokens.token(role, Duration.ofMinutes(5)));
        if (allowed) {
          Call call = valid.get();
          Response response = call.send(caller);
          if (response.statusCode() / 100 != 2) {
            wrong.add(
                call
                    + " as "
                    + role.claim()
                    + ": "
                    + response.statusCode()
                    + ", expected a 2xx: "
                    + abbreviate(response.asString()));
          }
        } else {
          if (refusable == null) {
            refusable = valid.get();
          }
          expectProblem(operation, role.claim(), refusable.send(caller), 403, wrong);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static String abbreviate(String body) {
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private void check(
      Operation operation,
      String caller,
      Supplier<RequestSpecification> request,
      int expected,
      List<String> wrong) {
    Response response = send(operation, request.get());
    expectProblem(operation, caller, response, expected, wrong);
    if (expected == 401 && response.header("WWW-Authenticate") == null) {
      wrong.add(operation + " with " + caller + ": no WWW-Authenticate header");
    }
  }

  private static void expectProblem(
      Operation operation, String caller, Response response, int expected, List<String> wrong) {
    if (response.statusCode() != expected) {
      wrong.add(operation + " as " + caller + ": " + response.statusCode() + ", not " + expected);
    } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
      wrong.add(operation + " as " + caller + ": " + response.contentType() + " body");
    }
  }

  private static RequestSpecification anonymous() {
    return given().noFiltersOfType(ServiceTokens.class);
  }

  private static RequestSpecification as(String token) {
    return anonymous().header("Authorization", "Bearer " + token);
  }

  private static Response send(Operation operation, RequestSpecification request) {
    if (!operation.reads()) {
      String type = operation.contentType();
      request = request.contentType(type).body(type.contains("json") ? "{}" : "");
    }
    return request.request(operation.method(), operation.samplePath());
  }
}
