package io.themodel.events.is;

import java.util.List;
import java.util.UUID;

/**
 * The lead failed the active toss-up rule version and a rep tossed it up anyway, with a reason;
 * {@code failedConditions} names what the rules said (e.g. {@code conditions[1] EMPLOYEES}).
 */
public record TossUpOverridden(
    UUID leadId,
    UUID tossUpId,
    String ruleVersion,
    List<String> failedConditions,
    String reason,
    String rep)
    implements IsEvent {}
