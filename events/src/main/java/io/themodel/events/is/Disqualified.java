package io.themodel.events.is;

import java.util.UUID;

/**
 * Inside Sales talked to the lead and it is not an opportunity now (Recycle A): Marketing takes it
 * back to nurturing with the reason.
 */
public record Disqualified(UUID leadId, String reason, String rep) implements IsEvent {}
