package io.themodel.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.themodel.events.Department;
import io.themodel.platform.problem.ProblemMappers;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every REST call against the {@link AccessRule}: no token, or one that is expired, badly
 * signed or from another issuer, is a 401; a token without an allowed role a 403; both as
 * problem+json. Authentication is lazy ({@code quarkus.http.auth.proactive=false}) so that the
 * failure reaches this filter instead of ending the request with an empty body.
 */
public class AccessFilter {

  private static final Logger LOG = Logger.getLogger(AccessFilter.class);

  private final CurrentIdentityAssociation identities;
  private final AccessRule rule;

  @Inject
  AccessFilter(
      CurrentIdentityAssociation identities,
      @ConfigProperty(name = "themodel.department") Optional<Department> department) {
    this.identities = identities;
    this.rule = AccessRule.of(department);
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Uni<Response> authorise(ContainerRequestContext request) {
    String method = request.getMethod();
    String path = request.getUriInfo().getPath();
    return identities
        .getDeferredIdentity()
        .map(identity -> decide(identity, method, path))
        .onFailure(AuthenticationFailedException.class)
        .recoverWithItem(
            failure -> {
              LOG.debugf("refused a token on %s %s: %s", method, path, failure.getMessage());
              return unauthorised(path);
            });
  }

  private Response decide(SecurityIdentity identity, String method, String path) {
    if (identity.isAnonymous()) {
      return unauthorised(path);
    }
    if (rule.permits(method, identity.getRoles())) {
      return null;
    }
    return ProblemMappers.problem(
        403,
        "A token with one of the roles "
            + rule.allowed(method).stream().map(r -> r.claim()).sorted().toList()
            + " is required for "
            + method
            + " here.",
        path,
        List.of());
  }

  static Response unauthorised(String path) {
    return Response.fromResponse(
            ProblemMappers.problem(
                401,
                "A valid bearer token is required (Authorization: Bearer ...).",
                path,
                List.of()))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }
}
