package io.themodel.is.qualification;

import io.themodel.events.is.BantUpdated;

/** Which BANT items hold for a prospect, as Inside Sales last recorded them. */
public record Bant(boolean budget, boolean authority, boolean need, boolean timeline) {

  public static final Bant NOTHING_KNOWN = new Bant(false, false, false, false);

  public static Bant of(BantUpdated updated) {
    return new Bant(updated.budget(), updated.authority(), updated.need(), updated.timeline());
  }

  /** How many of the four items hold. */
  public int itemsMet() {
    return (budget ? 1 : 0) + (authority ? 1 : 0) + (need ? 1 : 0) + (timeline ? 1 : 0);
  }

  public boolean holds(BantItem item) {
    return switch (item) {
      case BUDGET -> budget;
      case AUTHORITY -> authority;
      case NEED -> need;
      case TIMELINE -> timeline;
    };
  }
}
