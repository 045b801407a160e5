package io.themodel.platform.correlation;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every REST call runs under a correlation id: the caller's {@code X-Correlation-Id} when it is a
 * UUID, else a new one, set on the request so that the call's events carry the very id its log
 * lines carry ({@code %X{correlationId}} in the log format) and its answer returns in the same
 * header. A header that is not a UUID is left for the resource to refuse.
 */
public class CorrelationFilter {

  public static final String HEADER = "X-Correlation-Id";

  /** The key of the correlation id in the logging MDC. */
  public static final String MDC_KEY = "correlationId";

  private static final String PROPERTY = CorrelationFilter.class.getName();

  // Before matching and the access check, so that every line of the call carries the id.
  @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
  public void correlate(ContainerRequestContext request) {
    String given = request.getHeaderString(HEADER);
    Optional<UUID> id =
        given == null || given.isBlank() ? Optional.of(UUID.randomUUID()) : parse(given);
    id.ifPresent(
        correlation -> {
          request.getHeaders().putSingle(HEADER, correlation.toString());
          request.setProperty(PROPERTY, correlation);
          MDC.put(MDC_KEY, correlation.toString());
        });
  }

  @ServerResponseFilter
  public void answer(ContainerRequestContext request, ContainerResponseContext response) {
    Object correlation = request.getProperty(PROPERTY);
    if (correlation != null) {
      response.getHeaders().putSingle(HEADER, correlation.toString());
    }
    MDC.remove(MDC_KEY);
  }

  private static Optional<UUID> parse(String given) {
    try {
      return Optional.of(UUID.fromString(given.strip()));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
