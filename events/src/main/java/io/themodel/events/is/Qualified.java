package io.themodel.events.is;

import java.util.UUID;

/**
 * The lead met Inside Sales' configured BANT condition ({@code bantCondition}, e.g. {@code
 * NEED+TIMELINE}): a sales-qualified prospect, ready to be considered for a toss-up.
 */
public record Qualified(UUID leadId, String bantCondition, String rep) implements IsEvent {}
