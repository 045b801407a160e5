package io.themodel.platform.security;

import io.themodel.events.Department;
import io.themodel.events.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what, in one place: every role reads; a department service's writes belong to its
 * department's role; a service of no department (the projector) and the platform's operations are
 * written by {@code admin} alone. Health, metrics and OpenAPI ({@code /q/...}) stay open.
 */
public final class AccessRule {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final Role writer;

  private AccessRule(Role writer) {
    this.writer = writer;
  }

  /** The rule of a service; {@code department} is its {@code themodel.department}, if any. */
  public static AccessRule of(Optional<Department> department) {
    return new AccessRule(Role.writerOf(department));
  }

  /** The rule of the platform's own operations, such as the demo clock. */
  public static AccessRule operations() {
    return new AccessRule(Role.ADMIN);
  }

  /** The roles allowed to call with this HTTP method. */
  public Set<Role> allowed(String httpMethod) {
    return READS.contains(httpMethod.toUpperCase()) ? EnumSet.allOf(Role.class) : Set.of(writer);
  }

  /** Whether a caller holding {@code roles} (claim names) may call with this method. */
  public boolean permits(String httpMethod, Set<String> roles) {
    return allowed(httpMethod).stream().anyMatch(role -> roles.contains(role.claim()));
  }
}
