package io.themodel.dev.simulation;

import io.themodel.events.lead.LeadSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One thing a department does through the platform's REST API on a simulated day. Journeys are
 * numbered by the simulation (0, 1, 2 …), never by the platform's ids, so that the same seed plans
 * the same actions whatever ids the platform hands out.
 */
public sealed interface Action {

  /** The journey the action is about, or -1 for an action about no single journey. */
  int journey();

  /** Field sales' revenue target for a month. */
  record SetTarget(YearMonth period, BigDecimal amount, String currency) implements Action {
    @Override
    public int journey() {
      return -1;
    }
  }

  /** Marketing captures a lead; {@code excludedAtCapture} is what lead-service's rules decide. */
  record Capture(
      int journey,
      LeadSource source,
      String campaign,
      String name,
      String email,
      String title,
      String company,
      boolean excludedAtCapture)
      implements Action {}

  /** A nurturing touch (page view, e-mail click …) scored by marketing. */
  record Nurture(int journey, String activity, int count) implements Action {}

  /** A person splits a lead off as a non-target after capture. */
  record Exclude(int journey, String reason, String detail) implements Action {}

  /** Marketing qualifies the lead (MQL) into a band. */
  record Qualify(int journey, String band) implements Action {}

  /** An inside sales call and its outcome. */
  record Call(int journey, String outcome, String rep, String currentEnvironment)
      implements Action {}

  /** Inside sales records BANT as heard. */
  record Bant(
      int journey, boolean budget, boolean authority, boolean need, boolean timeline, String rep)
      implements Action {}

  /** Inside sales disqualifies the prospect: Recycle A. */
  record Disqualify(int journey, String reason, String rep) implements Action {}

  /** Inside sales tosses the prospect up to a field sales rep. */
  record TossUp(int journey, String assignedRep, String handoffComment) implements Action {}

  /** Field sales accepts the toss-up: a valid opportunity. */
  record Accept(int journey, String rep) implements Action {}

  /** Field sales rejects the toss-up, saying how the visit differed from the handoff. */
  record Reject(int journey, String reason, String handoffGap, String rep) implements Action {}

  /** The deal moves to a stage of the stage table (E, 1, 2) with the exit conditions checked. */
  record Stage(
      int journey,
      String stage,
      BigDecimal amount,
      LocalDate expectedClose,
      List<String> checks,
      String rep)
      implements Action {}

  /** The deal is won: a contract from {@code contractStart} for {@code termMonths}. */
  record Win(int journey, BigDecimal amount, LocalDate contractStart, int termMonths)
      implements Action {}

  /** The deal is lost: Recycle B. */
  record Lose(int journey, String reason, String competitor) implements Action {}

  /** Customer success reports a week's usage of every customer. */
  record Usage(LocalDate day, List<UsageRecord> records) implements Action {
    @Override
    public int journey() {
      return -1;
    }
  }

  /** One customer's usage on a day. */
  record UsageRecord(int journey, int activeUsers, int logins) {}

  /** The contract is renewed for another term. */
  record Renew(int journey, int termMonths, BigDecimal amount) implements Action {}

  /** The customer leaves at the end of its term. */
  record Churn(int journey, String reason) implements Action {}

  /** Customer success identifies an upsell or cross-sell; {@code number} counts per customer. */
  record Expand(int journey, int number, String kind, BigDecimal amount) implements Action {}

  /**
   * Field sales wins the customer's expansion {@code number} (its opportunity opened from the
   * expansion): the same account's contract grows by {@code amount}.
   */
  record WinExpansion(int journey, int number, BigDecimal amount, LocalDate contractStart)
      implements Action {}

  /** A customer refers another company; the referral becomes journey {@code referred}. */
  record Refer(int journey, int referred, String company, String name, String email)
      implements Action {}

  /** The customer becomes an advocate. */
  record Advocate(int journey) implements Action {}

  /**
   * A department gives feedback (the reverse loop): {@code feedback} numbers it in the simulation,
   * {@code giver} is the giving party ({@code FIELD_SALES}, {@code CUSTOMER_SUCCESS}, {@code
   * INSIDE_SALES}), {@code to} the receiving one; {@code journey} is the lead it is about, or -1.
   */
  record GiveFeedback(
      int feedback,
      int journey,
      String giver,
      String to,
      String category,
      String about,
      String text,
      String givenBy)
      implements Action {}

  /** The receiving department acknowledges feedback it got. */
  record AcknowledgeFeedback(int feedback, String to, String acknowledgedBy, String comment)
      implements Action {
    @Override
    public int journey() {
      return -1;
    }
  }

  /** The receiving department says what it did about the feedback. */
  record ActOnFeedback(int feedback, String to, String actedBy, String action) implements Action {
    @Override
    public int journey() {
      return -1;
    }
  }
}
