package io.themodel.is.calls;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One call Inside Sales made, as the call history and the activity KPIs read it. */
@Entity
@Table(name = "call_log")
public class CallRecord extends PanacheEntityBase {

  @Id public UUID eventId;
  public UUID leadId;
  public String rep;

  @Enumerated(EnumType.STRING)
  public CallOutcome outcome;

  public String currentEnvironment;
  public String note;
  public Instant calledAt;

  public static CallRecord of(UUID eventId, CallLogged event, Instant at) {
    CallRecord call = new CallRecord();
    call.eventId = eventId;
    call.leadId = event.leadId();
    call.rep = event.rep();
    call.outcome = event.outcome();
    call.currentEnvironment = event.currentEnvironment();
    call.note = event.note();
    call.calledAt = at;
    return call;
  }
}
