package io.themodel.events.success;

import java.time.LocalDate;
import java.util.UUID;

/** A customer at risk no longer fires any churn signal. */
public record ChurnRiskRecovered(UUID leadId, UUID accountId, LocalDate day, int score)
    implements SuccessEvent {}
