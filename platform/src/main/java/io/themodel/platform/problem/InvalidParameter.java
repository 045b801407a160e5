package io.themodel.platform.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query or path parameter that cannot be read; answered 400 naming the parameter. A {@link
 * BadRequestException}, so that JAX-RS passes it on from a parameter converter as it is.
 */
public class InvalidParameter extends BadRequestException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public InvalidParameter(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
