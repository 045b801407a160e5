package io.themodel.events.is;

import io.themodel.events.lead.LeadSource;
import java.time.Instant;
import java.util.UUID;

/** An MQL entered Inside Sales' call list, due at its follow-up time with its priority. */
public record CallListEntered(UUID leadId, LeadSource source, Instant dueAt, int priority)
    implements IsEvent {}
