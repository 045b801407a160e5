package io.themodel.events.lead;

/**
 * Why a lead went back to nurturing: Recycle A (Inside Sales talked to it, no opportunity now),
 * Recycle B (a lost deal), or win-back (a churned customer).
 */
public enum RecycleKind {
  A,
  B,
  WIN_BACK
}
