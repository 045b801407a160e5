package io.themodel.is.handoff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One opportunity as field sales reported it back: Inside Sales' view of what became of its
 * toss-ups, and of each field rep's open deals.
 */
@Entity
@Table(name = "handoff_outcome")
public class HandoffOutcome extends PanacheEntityBase {

  /** Where field sales has the opportunity. */
  public enum Status {
    /** Awaiting the rep's acceptance. */
    OPEN,
    /** Accepted: a valid opportunity (有効商談). */
    VALID,
    REJECTED,
    WON,
    LOST;

    /** Whether the opportunity still weighs on the field rep. */
    public boolean open() {
      return this == OPEN || this == VALID;
    }

    /** Whether field sales accepted it (a won or lost deal was accepted first). */
    public boolean valid() {
      return this == VALID || this == WON || this == LOST;
    }
  }

  @Id public UUID opportunityId;
  public UUID leadId;
  public String fieldRep;

  @Enumerated(EnumType.STRING)
  public Status status;

  public Instant openedAt;
  public String decidedBy;
  public Instant decidedAt;
  public String reason;
  public String handoffGap;
  public Instant closedAt;

  static HandoffOutcome of(UUID opportunityId, UUID leadId) {
    HandoffOutcome outcome = findById(opportunityId);
    if (outcome == null) {
      outcome = new HandoffOutcome();
      outcome.opportunityId = opportunityId;
      outcome.leadId = leadId;
      outcome.status = Status.OPEN;
      outcome.persist();
    }
    return outcome;
  }

  /** Open deals per field rep. */
  public static long openDealsOf(String fieldRep) {
    return count(
        "fieldRep = ?1 and status in ?2", fieldRep, java.util.List.of(Status.OPEN, Status.VALID));
  }
}
