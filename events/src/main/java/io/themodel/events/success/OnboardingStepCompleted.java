package io.themodel.events.success;

import java.util.UUID;

/** One step of the account's onboarding checklist was completed, and by whom. */
public record OnboardingStepCompleted(UUID leadId, UUID accountId, String step, String completedBy)
    implements SuccessEvent {}
