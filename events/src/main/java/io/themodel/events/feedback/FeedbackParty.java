package io.themodel.events.feedback;

import io.themodel.events.Department;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whom feedback is addressed to: one of the four departments, or product (which has no service in
 * the platform: its feedback is measured by the projector and read by product managers there). Each
 * party says whom it takes feedback from: the reverse loop (逆の流れ) runs against the journey, along
 * the topics the receiver already reads.
 */
public enum FeedbackParty {
  /** From Inside Sales (the customer's voice), Field Sales and Customer Success. */
  MARKETING(Department.LEAD, EnumSet.of(Department.IS, Department.DEAL, Department.SUCCESS)),
  /** From Field Sales: the visit against the handoff comment. */
  INSIDE_SALES(Department.IS, EnumSet.of(Department.DEAL)),
  /** From Customer Success: expectations set in the sale. */
  FIELD_SALES(Department.DEAL, EnumSet.of(Department.SUCCESS)),
  /**
   * From Field Sales: the expectations set during the sale, handed to the department that must meet
   * them (the last of the journey: nobody downstream gives it feedback).
   */
  CUSTOMER_SUCCESS(Department.SUCCESS, EnumSet.of(Department.DEAL)),
  /** From anyone. */
  PRODUCT(null, EnumSet.allOf(Department.class));

  private final Department department;
  private final Set<Department> givers;

  FeedbackParty(Department department, Set<Department> givers) {
    this.department = department;
    this.givers = givers;
  }

  /** The department that receives this feedback; empty for product, which nobody here receives. */
  public Optional<Department> department() {
    return Optional.ofNullable(department);
  }

  /** Whether this party takes feedback from {@code giver}. */
  public boolean receivesFrom(Department giver) {
    return givers.contains(giver);
  }

  /** The party a department is, as a receiver of feedback. */
  public static FeedbackParty of(Department department) {
    for (FeedbackParty party : values()) {
      if (party.department == department) {
        return party;
      }
    }
    throw new IllegalArgumentException("no feedback party for " + department);
  }
}
