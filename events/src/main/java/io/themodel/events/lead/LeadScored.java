package io.themodel.events.lead;

import java.util.UUID;

/**
 * The lead's score changed by {@code delta} (behaviour, fit, decay) to {@code score}, which puts it
 * in {@code band}; {@code reason} names the signal, e.g. {@code SEMINAR_ATTENDED} or {@code DECAY}.
 */
public record LeadScored(UUID leadId, int delta, int score, String reason, ScoreBand band)
    implements LeadEvent {}
