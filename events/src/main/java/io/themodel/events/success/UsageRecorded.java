package io.themodel.events.success;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer's usage on one day, as newly recorded: only the metrics not recorded before are set
 * (the others are null), so replaying the events never counts a metric twice.
 */
public record UsageRecorded(
    UUID leadId,
    UUID accountId,
    LocalDate day,
    Integer activeUsers,
    Integer logins,
    String featureUsed,
    Integer supportTickets,
    Integer npsAnswer)
    implements SuccessEvent {}
