package io.themodel.platform.validation;

import io.themodel.platform.problem.InvalidParameter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * An endpoint that takes a body needs one: an empty body or a JSON {@code null} is a 400 naming
 * {@code body}, not a null that the resource would trip over.
 */
@Provider
public class RequiredBody implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object body = context.proceed();
    if (body == null) {
      throw new InvalidParameter("body", "is required");
    }
    return body;
  }
}
