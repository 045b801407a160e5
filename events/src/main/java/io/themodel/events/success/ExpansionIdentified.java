package io.themodel.events.success;

import io.themodel.events.Money;
import io.themodel.events.deal.OpportunityKind;
import java.util.UUID;

/**
 * Customer Success found an upsell or cross-sell for the account; Field Sales opens it as an
 * opportunity ({@code expansionId} becomes its id) without a toss-up.
 */
public record ExpansionIdentified(
    UUID leadId,
    UUID accountId,
    UUID expansionId,
    OpportunityKind kind,
    Money estimatedValue,
    String note)
    implements SuccessEvent {}
