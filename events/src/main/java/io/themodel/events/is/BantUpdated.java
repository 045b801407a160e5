package io.themodel.events.is;

import java.util.UUID;

/**
 * Inside Sales recorded which BANT items hold for the lead: budget, authority (the decision maker
 * is known), need, timeline. The record is the whole current BANT, not a delta.
 */
public record BantUpdated(
    UUID leadId,
    boolean budget,
    boolean authority,
    boolean need,
    boolean timeline,
    String note,
    String rep)
    implements IsEvent {}
