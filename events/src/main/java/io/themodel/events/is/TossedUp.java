package io.themodel.events.is;

import java.util.UUID;

/**
 * Inside Sales handed the lead to field sales (トスアップ). {@code tossUpId} becomes the id of the
 * opportunity that field sales accepts or rejects; {@code ruleVersion} is the toss-up rule book
 * version that passed it.
 */
public record TossedUp(
    UUID leadId, UUID tossUpId, String ruleVersion, String handoffComment, String assignedRep)
    implements IsEvent {}
