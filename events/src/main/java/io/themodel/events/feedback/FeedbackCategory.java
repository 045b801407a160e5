package io.themodel.events.feedback;

/** What feedback is about, so the projector can count it by kind per direction. */
public enum FeedbackCategory {
  /** The leads handed on were weak (IS about MQLs, FS about toss-ups). */
  LEAD_QUALITY,
  /** The wrong companies or people are targeted (campaigns, lists, segments). */
  TARGETING,
  /** The handoff lacked or misstated information (the gap, 乖離, between visit and comment). */
  HANDOFF_INFORMATION,
  /** A toss-up should not have passed, or a rule of the toss-up rule book is off. */
  TOSS_UP_QUALITY,
  /** What the customer was led to expect in the sale differs from what they got. */
  CUSTOMER_EXPECTATIONS,
  /** Customers miss or struggle with something in the product. */
  PRODUCT_GAP,
  /** Price or packaging stands in the way. */
  PRICING,
  OTHER
}
