package io.themodel.events;

/**
 * A role a caller's bearer token carries in its {@code groups} claim. Each department writes its
 * own service's resources; every role reads; {@code admin} runs the platform (the projector's
 * rebuild, the demo clock); {@code analyst} only reads. The full matrix is in the README.
 */
public enum Role {
  MARKETING("marketing"),
  INSIDE_SALES("inside-sales"),
  FIELD_SALES("field-sales"),
  CUSTOMER_SUCCESS("customer-success"),
  ANALYST("analyst"),
  ADMIN("admin");

  private final String claim;

  Role(String claim) {
    this.claim = claim;
  }

  /** The name in the token's {@code groups} claim. */
  public String claim() {
    return claim;
  }

  /** The role that writes a service: its department's, or {@code admin} for one of none. */
  public static Role writerOf(java.util.Optional<Department> department) {
    return department.map(Role::writerOf).orElse(ADMIN);
  }

  /** The role that writes a department service's resources. */
  public static Role writerOf(Department department) {
    return switch (department) {
      case LEAD -> MARKETING;
      case IS -> INSIDE_SALES;
      case DEAL -> FIELD_SALES;
      case SUCCESS -> CUSTOMER_SUCCESS;
    };
  }
}
