package io.themodel.events.success;

import io.themodel.events.Money;
import java.time.LocalDate;
import java.util.UUID;

/** A won deal's account became an onboarded customer. */
public record CustomerOnboarded(
    UUID leadId,
    UUID accountId,
    UUID opportunityId,
    Money contractValue,
    LocalDate contractStart,
    int termMonths)
    implements SuccessEvent {}
