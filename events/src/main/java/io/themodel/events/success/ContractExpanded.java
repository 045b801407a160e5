package io.themodel.events.success;

import io.themodel.events.Money;
import java.util.UUID;

/**
 * Field Sales won an upsell or cross-sell Customer Success had identified ({@code expansionId}, the
 * opportunity's id): the customer's contract grew by {@code value} to {@code contractValue}. The
 * account stays the same one; no second account opens.
 */
public record ContractExpanded(
    UUID leadId, UUID accountId, UUID expansionId, Money value, Money contractValue)
    implements SuccessEvent {}
