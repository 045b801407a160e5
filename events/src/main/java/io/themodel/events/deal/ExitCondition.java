package io.themodel.events.deal;

/**
 * The stage table's exit conditions Field Sales checks when a deal moves on: all of BANT leaves E,
 * a presented quote leaves 1, a secured budget and obtained order conditions leave 2, the order
 * form (contract) leaves 3.
 */
public enum ExitCondition {
  BANT,
  QUOTE_PRESENTED,
  BUDGET_SECURED,
  ORDER_CONDITIONS_OBTAINED,
  ORDER_FORM_RECEIVED
}
