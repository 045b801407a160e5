package io.themodel.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.problem.Problem.FieldError;
import io.themodel.platform.store.ConcurrencyConflict;
import io.themodel.platform.validation.TextRule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a service returns, as problem+json: bad input is 400 naming the field, a refused
 * command 404/409/422, anything unexpected a 500 that carries only a reference to the log (never a
 * stack trace, SQL or class name).
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  // Ahead of Quarkus' built-in mappers for validation and JSON errors.
  private static final int FIRST = 1;

  @ServerExceptionMapper(priority = FIRST)
  public Response rejected(CommandRejected rejected, UriInfo uri) {
    int status =
        switch (rejected.reason()) {
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
          case UNPROCESSABLE -> 422;
        };
    List<FieldError> errors =
        rejected.field() == null
            ? List.of()
            : List.of(new FieldError(rejected.field(), rejected.getMessage()));
    return problem(status, rejected.getMessage(), uri, errors);
  }

  @ServerExceptionMapper(priority = FIRST)
  public Response invalidParameter(InvalidParameter invalid, UriInfo uri) {
    return problem(
        400,
        "The parameter " + invalid.parameter() + " " + invalid.getMessage() + ".",
        uri,
        List.of(new FieldError(invalid.parameter(), invalid.getMessage())));
  }

  /**
   * The problem type of a command that lost the append to a concurrent change: it wrote nothing,
   * and sending it again decides it afresh. Clients that retry match this type, not the detail.
   */
  public static final String CONCURRENT_WRITE = "https://themodel.io/problems/concurrent-write";

  @ServerExceptionMapper(priority = FIRST)
  public Response conflict(ConcurrencyConflict conflict, UriInfo uri) {
    return Response.status(409)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                CONCURRENT_WRITE,
                "Conflict",
                409,
                "Another change to the same resource came first; reload and retry.",
                uri.getPath(),
                List.of()))
        .build();
  }

  @ServerExceptionMapper(priority = FIRST)
  public Response invalid(ConstraintViolationException invalid, UriInfo uri) {
    List<FieldError> errors =
        invalid.getConstraintViolations().stream()
            .map(v -> new FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return problem(400, "The request has invalid fields.", uri, errors);
  }

  // Quarkus maps MismatchedInputException itself; the exact type here takes it over.
  @ServerExceptionMapper(priority = FIRST)
  public Response mismatched(MismatchedInputException mismatched, UriInfo uri) {
    return unreadable(mismatched, uri);
  }

  @ServerExceptionMapper(priority = FIRST)
  public Response unreadable(JsonProcessingException unreadable, UriInfo uri) {
    if (unreadable instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      String message;
      if (mapping instanceof TextRule.UnacceptableText text) {
        message = text.reason();
      } else if (mapping instanceof UnrecognizedPropertyException) {
        message = "is not a field of this request";
      } else if (mapping instanceof InvalidFormatException format
          && format.getTargetType().isEnum()) {
        message = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
      } else {
        message = "has the wrong type or format";
      }
      return problem(
          400,
          "The field " + field + " " + message + ".",
          uri,
          List.of(new FieldError(field, message)));
    }
    String where =
        unreadable.getLocation() == null
            ? ""
            : " at line "
                + unreadable.getLocation().getLineNr()
                + ", column "
                + unreadable.getLocation().getColumnNr();
    return problem(
        400,
        "The request body is not valid JSON" + where + ".",
        uri,
        List.of(new FieldError("body", "is not valid JSON")));
  }

  @ServerExceptionMapper(priority = FIRST)
  public Response web(WebApplicationException web, UriInfo uri) {
    if (web.getCause() instanceof JsonProcessingException json) {
      return unreadable(json, uri);
    }
    int status = web.getResponse().getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String detail = type == null ? "Request failed." : type.getReasonPhrase() + ".";
    return problem(status, detail, uri, List.of());
  }

  /**
   * The problem type of a request the service had no database connection for within the pool's
   * acquisition timeout: it is overloaded, wrote nothing, and the request may be sent again later.
   */
  public static final String OVERLOADED = "https://themodel.io/problems/overloaded";

  @ServerExceptionMapper(priority = FIRST)
  public Response unexpected(Exception unexpected, UriInfo uri) {
    if (poolExhausted(unexpected)) {
      LOG.warnf(
          "no database connection within the pool's acquisition timeout for %s", uri.getPath());
      return Response.status(503)
          .type(Problem.MEDIA_TYPE)
          .header("Retry-After", "1")
          .entity(
              new Problem(
                  OVERLOADED,
                  "Service Unavailable",
                  503,
                  "The service is busy and did not take the request; send it again shortly.",
                  uri.getPath(),
                  List.of()))
          .build();
    }
    UUID reference = UUID.randomUUID();
    LOG.errorf(unexpected, "unexpected error %s on %s", reference, uri.getPath());
    return problem(
        500, "Something went wrong on our side; reference " + reference + ".", uri, List.of());
  }

  /**
   * Whether the failure comes from Agroal giving up waiting for a free connection. Agroal says so
   * only in its message (a plain SQLException), so the message is what is matched.
   */
  private static boolean poolExhausted(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException
          && cause.getMessage() != null
          && cause.getMessage().startsWith("Sorry, acquisition timeout")) {
        return true;
      }
    }
    return false;
  }

  private static Response problem(int status, String detail, UriInfo uri, List<FieldError> errors) {
    return problem(status, detail, uri.getPath(), errors);
  }

  /** A problem+json response; {@code path} is the request's, {@code errors} the fields at fault. */
  public static Response problem(int status, String detail, String path, List<FieldError> errors) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "Error" : type.getReasonPhrase();
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", title, status, detail, path, errors))
        .build();
  }

  /** The request field a violation names: the path after the method and parameter nodes. */
  private static String field(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        String name = node.getName();
        if (node.getIndex() != null) {
          name = (name == null ? "" : name) + "[" + node.getIndex() + "]";
        }
        if (name != null) {
          names.add(name);
        }
      }
    }
    if (names.isEmpty()) {
      return parameter == null ? "body" : parameter;
    }
    return String.join(".", names);
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
