package io.themodel.events.is;

/**
 * Inside Sales' stages of a prospect (from the stage table): A get past reception, B reach the
 * decision maker, C raise interest, D create a prospect, E first proposal (BANT "N" met).
 */
public enum IsStage {
  A,
  B,
  C,
  D,
  E
}
