package io.themodel.platform.problem;

/** A query or path parameter that cannot be read; answered 400 naming the parameter. */
public class InvalidParameter extends RuntimeException {
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
