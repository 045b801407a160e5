package io.themodel.events.success;

import java.util.UUID;

/** The customer left, with the reason; Marketing turns it into win-back nurturing. */
public record Churned(UUID leadId, UUID accountId, String reason) implements SuccessEvent {}
