package io.themodel.is.calllist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.themodel.events.Money;
import io.themodel.events.is.BantUpdated;
import io.themodel.events.is.CallListEntered;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.IsStage;
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.qualification.Bant;
import io.themodel.is.tossup.LeadFacts;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One prospect on Inside Sales' call list, updated with the events that move it. */
@Entity
@Table(name = "call_list_entry")
public class CallListEntry extends PanacheEntityBase {

  @Id public UUID leadId;

  @Enumerated(EnumType.STRING)
  public LeadSource source;

  public Instant dueAt;
  public int priority;

  @Enumerated(EnumType.STRING)
  public Prospect.Status status;

  public Instant enteredAt;

  @Enumerated(EnumType.STRING)
  public IsStage stage;

  public int calls;
  public Instant lastCallAt;

  @Enumerated(EnumType.STRING)
  public CallOutcome lastOutcome;

  public boolean budget;
  public boolean authority;
  public boolean need;
  public boolean timeline;
  public Instant qualifiedAt;
  public Instant disqualifiedAt;
  public String disqualificationReason;
  public BigDecimal revenueAmount;
  public String revenueCurrency;
  public Integer employees;
  public String industry;
  public LocalDate plannedStart;
  public UUID tossUpId;
  public String assignedRep;
  public String ruleVersion;
  public Instant tossedUpAt;
  public String tossedUpBy;

  /** A first round on the call list, or a new one after Recycle A: everything starts afresh. */
  void entered(CallListEntered event, Instant at) {
    leadId = event.leadId();
    source = event.source();
    dueAt = event.dueAt();
    priority = event.priority();
    status = Prospect.Status.ON_CALL_LIST;
    enteredAt = at;
    stage = IsStage.A;
    calls = 0;
    lastCallAt = null;
    lastOutcome = null;
    budget = false;
    authority = false;
    need = false;
    timeline = false;
    qualifiedAt = null;
    disqualifiedAt = null;
    disqualificationReason = null;
  }

  void called(CallLogged event, Instant at) {
    calls++;
    lastCallAt = at;
    lastOutcome = event.outcome();
  }

  void bantUpdated(BantUpdated event) {
    budget = event.budget();
    authority = event.authority();
    need = event.need();
    timeline = event.timeline();
  }

  void profiled(ProspectProfiled event) {
    revenueAmount = event.annualRevenue() == null ? null : event.annualRevenue().amount();
    revenueCurrency = event.annualRevenue() == null ? null : event.annualRevenue().currency();
    employees = event.employees();
    industry = event.industry();
    plannedStart = event.plannedStart();
  }

  public Money annualRevenue() {
    return revenueAmount == null ? null : new Money(revenueAmount, revenueCurrency);
  }

  public Bant bant() {
    return new Bant(budget, authority, need, timeline);
  }

  /** What the toss-up rules look at, with Marketing's score band. */
  public LeadFacts facts(ScoreBand band) {
    return new LeadFacts(band, bant(), annualRevenue(), employees, industry, plannedStart);
  }

  void disqualified(Disqualified event, Instant at) {
    status = Prospect.Status.DISQUALIFIED;
    disqualifiedAt = at;
    disqualificationReason = event.reason();
  }

  /** {@code by}: the Inside Sales rep it counts for, or null. */
  void tossedUp(TossedUp event, Instant at, String by) {
    tossedUpBy = by;
    status = Prospect.Status.TOSSED_UP;
    tossUpId = event.tossUpId();
    assignedRep = event.assignedRep();
    ruleVersion = event.ruleVersion();
    tossedUpAt = at;
  }
}
