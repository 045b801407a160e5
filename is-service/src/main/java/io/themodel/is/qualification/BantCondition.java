package io.themodel.is.qualification;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The BANT items that must all hold for Inside Sales to call a lead qualified (e.g. need and
 * timeline). Configuration: {@code themodel.qualification.bant-condition}.
 */
public final class BantCondition {

  private final Set<BantItem> required;

  public BantCondition(Collection<BantItem> required) {
    if (required == null || required.isEmpty()) {
      throw new IllegalArgumentException("a BANT condition needs at least one item");
    }
    this.required = EnumSet.copyOf(required);
  }

  public boolean holdsFor(Bant bant) {
    return required.stream().allMatch(bant::holds);
  }

  /** The condition as events record it, e.g. {@code NEED+TIMELINE}. */
  public String describe() {
    return required.stream().map(Enum::name).collect(Collectors.joining("+"));
  }
}
