package io.themodel.events.deal;

import io.themodel.events.Money;
import java.time.LocalDate;
import java.util.UUID;

/** The deal was won (受注): the contract's value, start and term. */
public record DealWon(
    UUID leadId, UUID opportunityId, Money amount, LocalDate contractStart, int termMonths)
    implements DealEvent {}
