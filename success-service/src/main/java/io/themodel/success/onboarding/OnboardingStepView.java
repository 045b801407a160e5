package io.themodel.success.onboarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One step of an account's onboarding checklist, and when it was completed. */
@Entity
@Table(name = "onboarding_step_view")
@IdClass(OnboardingStepView.Key.class)
public class OnboardingStepView extends PanacheEntityBase {

  /** An account's step. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    public UUID accountId;
    public String step;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(accountId, key.accountId)
          && Objects.equals(step, key.step);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accountId, step);
    }
  }

  @Id public UUID accountId;
  @Id public String step;
  public int position;
  public Instant completedAt;
  public String completedBy;

  public static List<OnboardingStepView> of(UUID accountId) {
    return list("accountId = ?1 order by position", accountId);
  }
}
