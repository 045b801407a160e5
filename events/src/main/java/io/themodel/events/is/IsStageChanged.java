package io.themodel.events.is;

import java.util.UUID;

/**
 * The prospect moved between Inside Sales stages by the stage table's exit conditions; it may skip
 * stages forward or go back (a need withdrawn).
 */
public record IsStageChanged(UUID leadId, IsStage from, IsStage to) implements IsEvent {}
