package io.themodel.events.lead;

import java.util.UUID;

/** A person took an excluded lead back into the marketing targets, with why. */
public record LeadReincluded(UUID leadId, String by, String note) implements LeadEvent {}
