package io.themodel.events.success;

import io.themodel.events.Money;
import java.time.LocalDate;
import java.util.UUID;

/** The customer renewed (契約更新): the new term from its start, and its value. */
public record Renewed(UUID leadId, UUID accountId, LocalDate termStart, int termMonths, Money value)
    implements SuccessEvent {}
