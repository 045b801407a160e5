package io.themodel.events.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * The lead became an MQL (有望リード) and is handed to Inside Sales, to be called by {@code
 * followUpDueAt} with the source's priority (1 = first).
 */
public record MarketingQualified(
    UUID leadId, ScoreBand band, LeadSource source, Instant followUpDueAt, int priority)
    implements LeadEvent {}
