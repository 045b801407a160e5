package io.themodel.events.is;

import java.util.UUID;

/**
 * An Inside Sales rep called the lead (架電), with what the call reached; {@code currentEnvironment}
 * is what the person in charge said about their current environment, if heard.
 */
public record CallLogged(
    UUID leadId, CallOutcome outcome, String rep, String currentEnvironment, String note)
    implements IsEvent {}
