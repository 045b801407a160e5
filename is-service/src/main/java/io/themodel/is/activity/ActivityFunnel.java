package io.themodel.is.activity;

/**
 * Inside Sales' activity funnel for one rep (or the team) over a period (Konica Minolta's IS KPIs):
 * calls → connects (reached the company) → contacts (reached the person in charge) → nurturing
 * leads (their current environment heard: worth continuous follow-up) → toss-ups → valid
 * opportunities (accepted by field sales), with the rate between each step (null when the step
 * before is zero).
 */
public record ActivityFunnel(
    String rep,
    long calls,
    long connects,
    long contacts,
    long nurturingLeads,
    long tossUps,
    long validOpportunities,
    Double connectRate,
    Double contactRate,
    Double nurturingRate,
    Double tossUpRate,
    Double validRate) {

  public static ActivityFunnel of(
      String rep,
      long calls,
      long connects,
      long contacts,
      long nurturingLeads,
      long tossUps,
      long validOpportunities) {
    return new ActivityFunnel(
        rep,
        calls,
        connects,
        contacts,
        nurturingLeads,
        tossUps,
        validOpportunities,
        rate(connects, calls),
        rate(contacts, connects),
        rate(nurturingLeads, contacts),
        rate(tossUps, nurturingLeads),
        rate(validOpportunities, tossUps));
  }

  /** The team's funnel: every rep's counts added up, rates from the sums. */
  public ActivityFunnel plus(ActivityFunnel other) {
    return of(
        rep,
        calls + other.calls,
        connects + other.connects,
        contacts + other.contacts,
        nurturingLeads + other.nurturingLeads,
        tossUps + other.tossUps,
        validOpportunities + other.validOpportunities);
  }

  private static Double rate(long step, long before) {
    return before == 0 ? null : (double) step / before;
  }
}
