package io.themodel.events.lead;

import java.util.UUID;

/**
 * The lead went back to nurturing (Recycle A, Recycle B or win-back), caused by another
 * department's event ({@code causeEventId}, {@code causeType}), with its reason.
 */
public record LeadRecycled(
    UUID leadId, RecycleKind kind, UUID causeEventId, String causeType, String reason)
    implements LeadEvent {}
