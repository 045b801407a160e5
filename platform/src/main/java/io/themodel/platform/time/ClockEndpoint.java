package io.themodel.platform.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.themodel.platform.problem.Problem;
import io.themodel.platform.security.AccessRule;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code GET /dev/clock} and {@code PUT /dev/clock {"instant": "..."}}: read and set forward the
 * service's {@link SimulationClock}. The route exists only when the clock is adjustable, so a
 * production service has no such path at all (404, and nothing in its OpenAPI document). Setting
 * the clock back is a 409, an unreadable instant a 400 naming {@code instant}.
 */
@ApplicationScoped
public class ClockEndpoint {

  static final String PATH = "/dev/clock";
  private static final Logger LOG = Logger.getLogger(ClockEndpoint.class);

  private final ClockProducer clocks;
  private final IdentityProviderManager identityProviders;
  private final ObjectMapper json = new ObjectMapper();

  ClockEndpoint(ClockProducer clocks, IdentityProviderManager identityProviders) {
    this.clocks = clocks;
    this.identityProviders = identityProviders;
  }

  void register(@Observes Router router) {
    clocks
        .simulationClock()
        .ifPresent(
            clock -> {
              LOG.warnf("The clock is adjustable through %s (themodel.clock.adjustable)", PATH);
              router
                  .get(PATH)
                  .handler(this::authorise)
                  .handler(context -> answer(context, 200, now(clock)));
              router
                  .put(PATH)
                  .handler(BodyHandler.create().setBodyLimit(4096))
                  .handler(this::authorise)
                  .handler(context -> set(context, clock, context.body().asString()));
            });
  }

  /** The same rule as every REST endpoint: any role reads, {@code admin} sets the clock. */
  private void authorise(RoutingContext context) {
    String method = context.request().method().name();
    QuarkusHttpUser.getSecurityIdentity(context, identityProviders)
        .subscribe()
        .with(
            identity -> {
              if (identity == null || identity.isAnonymous()) {
                unauthorised(context);
              } else if (AccessRule.operations().permits(method, identity.getRoles())) {
                context.next();
              } else {
                problem(context, 403, "Forbidden", "Only the admin role sets the clock.", false);
              }
            },
            failure -> unauthorised(context));
  }

  private void unauthorised(RoutingContext context) {
    context.response().putHeader("WWW-Authenticate", "Bearer");
    problem(
        context,
        401,
        "Unauthorized",
        "A valid bearer token is required (Authorization: Bearer ...).",
        false);
  }

  private void set(RoutingContext context, SimulationClock clock, String body) {
    Instant target;
    try {
      JsonNode request = body == null ? null : json.readTree(body);
      JsonNode instant = request == null ? null : request.get("instant");
      if (instant == null || !instant.isTextual()) {
        problem(context, 400, "Bad Request", "instant is required: an ISO-8601 instant", true);
        return;
      }
      target = Instant.parse(instant.asText());
    } catch (IOException | DateTimeParseException e) {
      problem(context, 400, "Bad Request", "instant must be an ISO-8601 instant", true);
      return;
    }
    try {
      clock.setTo(target);
      answer(context, 200, now(clock));
    } catch (SimulationClock.ClockMovesBackwards e) {
      problem(context, 409, "Conflict", e.getMessage(), true);
    }
  }

  private ObjectNode now(SimulationClock clock) {
    return json.createObjectNode()
        .put("instant", clock.instant().toString())
        .put("adjustable", true);
  }

  private void answer(RoutingContext context, int status, JsonNode body) {
    context
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.toString());
  }

  private void problem(
      RoutingContext context, int status, String title, String detail, boolean namesInstant) {
    Problem problem =
        new Problem(
            "about:blank",
            title,
            status,
            detail,
            PATH,
            namesInstant ? List.of(new Problem.FieldError("instant", detail)) : List.of());
    HttpServerResponse response = context.response().setStatusCode(status);
    response.putHeader("Content-Type", Problem.MEDIA_TYPE);
    try {
      response.end(json.writeValueAsString(problem));
    } catch (IOException e) {
      response.end();
    }
  }
}
