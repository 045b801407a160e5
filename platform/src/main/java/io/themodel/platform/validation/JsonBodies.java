package io.themodel.platform.validation;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request body is JSON unless the endpoint declares another media type ({@code @Consumes}, as the
 * CSV import does): anything else is a 415. Without it, Quarkus REST reads a {@code text/plain}
 * body into any request record with one string component (through its constructor), and the command
 * runs on the raw text. It runs after the access check, so a caller without the role still gets its
 * 403.
 */
public class JsonBodies {

  @ServerRequestFilter
  public void requireJson(ContainerRequestContext request, ResourceInfo resource) {
    MediaType type = request.getMediaType();
    Method method = resource.getResourceMethod();
    if (type == null || method == null || json(type) || !takesBody(method)) {
      return; // a bodiless command (POST /rebuild) may come with any Content-Type
    }
    if (resource.getResourceMethod().isAnnotationPresent(Consumes.class)
        || resource.getResourceClass().isAnnotationPresent(Consumes.class)) {
      return; // the endpoint says what it takes, and JAX-RS holds the caller to it
    }
    throw new NotSupportedException("a request body must be application/json");
  }

  /** Whether one of the method's parameters is the body: the one JAX-RS does not fill itself. */
  private static boolean takesBody(Method method) {
    for (Parameter parameter : method.getParameters()) {
      if (Arrays.stream(parameter.getAnnotations()).noneMatch(JsonBodies::jaxRs)) {
        return true;
      }
    }
    return false;
  }

  private static boolean jaxRs(Annotation annotation) {
    String origin = annotation.annotationType().getPackageName();
    return origin.startsWith("jakarta.ws.rs") || origin.startsWith("org.jboss.resteasy.reactive");
  }

  private static boolean json(MediaType type) {
    return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
  }
}
