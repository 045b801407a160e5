package io.themodel.testing.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.themodel.events.Role;
import io.themodel.testing.security.ServiceApi.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The access matrix, checked on every operation of the service's OpenAPI document: without a valid
 * token (none, expired, signed by a stranger) a 401, with a role the matrix does not allow a 403,
 * both as problem+json; with an allowed role neither (nor a 5xx). A service's test extends this
 * with {@code @QuarkusTest} and states its writer role.
 *
 * <p>The matrix (README, "Security"): every role reads every service; only the owning department's
 * role writes a department service; only {@code admin} writes the projector.
 */
public abstract class AccessMatrixContract {

  /** The one role that may write this service's resources. */
  protected abstract Role writer();

  /** Operations the document must list ("POST /leads"), so that an empty document cannot pass. */
  protected abstract Set<String> knownOperations();

  @Test
  void the_openapi_document_lists_the_services_operations() {
    List<String> listed =
        ServiceApi.fetch().operations().stream().map(Operation::toString).toList();
    assertThat(listed).containsAll(knownOperations());
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
  void every_operation_answers_each_role_as_the_matrix_says() {
    List<String> wrong = new ArrayList<>();
    for (Operation operation : ServiceApi.fetch().operations()) {
      for (Role role : Role.values()) {
        boolean allowed = operation.reads() || role == writer();
        String token = Tokens.token(role, java.time.Duration.ofMinutes(5));
        Response response = send(operation, as(token));
        int status = response.statusCode();
        if (allowed && (status == 401 || status == 403 || status >= 500)) {
          wrong.add(operation + " as " + role.claim() + ": " + status + ", expected it allowed");
        } else if (!allowed) {
          expectProblem(operation, role.claim(), response, 403, wrong);
        }
      }
    }
    assertThat(wrong).isEmpty();
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
