package io.themodel.events.success;

import io.themodel.events.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A won deal opened a customer account: its contract, and the onboarding checklist it must complete
 * (as configured when it opened; empty means it is onboarded at once).
 */
public record CustomerAccountOpened(
    UUID leadId,
    UUID accountId,
    UUID opportunityId,
    Money contractValue,
    LocalDate contractStart,
    int termMonths,
    List<String> onboardingSteps)
    implements SuccessEvent {

  public CustomerAccountOpened {
    onboardingSteps = List.copyOf(onboardingSteps);
  }
}
