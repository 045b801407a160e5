package io.themodel.events.deal;

/** How an opportunity arose: a toss-up from Inside Sales, or an expansion of a customer. */
public enum OpportunityKind {
  NEW_BUSINESS,
  UPSELL,
  CROSS_SELL
}
