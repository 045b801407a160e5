package io.themodel.testing.events;

import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.Money;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackEvent;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.events.is.CallListEntered;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.ScoreBand;
import io.themodel.events.success.CustomerOnboarded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Events and their CloudEvents records with sensible defaults, so a test states only what matters
 * to it: {@code TestEvents.cloudEvent(TestEvents.tossedUp(leadId))}.
 */
public final class TestEvents {

  private static final EventCodec CODEC = new EventCodec();

  private TestEvents() {}

  /** The record value a producing department would publish for this event, with a new id. */
  public static String cloudEvent(DomainEvent event) {
    return cloudEvent(event, UUID.randomUUID(), Instant.now());
  }

  /** The record value for this event with a given id and time (re-deliveries reuse the id). */
  public static String cloudEvent(DomainEvent event, UUID eventId, Instant occurredAt) {
    EventType type = EventType.of(event);
    return CODEC.write(
        CODEC.envelope(
            EventType.departmentOf(event),
            type,
            eventId,
            event.leadId() == null && !(event instanceof FeedbackEvent)
                ? "stream-" + eventId // a target, say: about no journey
                : journeyKey(event),
            occurredAt,
            UUID.randomUUID(),
            null,
            event.leadId(),
            event.accountId(),
            CODEC.toData(event)));
  }

  /**
   * The record key (and subject) a producer uses for this event: its lead, else the feedback it is
   * about.
   */
  public static String journeyKey(DomainEvent event) {
    if (event.leadId() != null) {
      return event.leadId().toString();
    }
    if (event instanceof FeedbackEvent feedback) {
      return feedback.feedbackId().toString();
    }
    throw new IllegalArgumentException(
        EventType.of(event).simpleName() + " has no lead: give its record key explicitly");
  }

  /** Feedback from one department to another about a lead, with a new id. */
  public static FeedbackGiven feedbackGiven(Department from, FeedbackParty to, UUID leadId) {
    return new FeedbackGiven(
        UUID.randomUUID(),
        from,
        to,
        leadId,
        null,
        FeedbackCategory.HANDOFF_INFORMATION,
        "Visit differed from the handoff comment",
        "The handoff said budget approved; the visit found no budget before April.",
        "fs-tanaka");
  }

  public static LeadCaptured leadCaptured(UUID leadId) {
    return new LeadCaptured(
        leadId,
        LeadSource.INQUIRY,
        "spring-seminar",
        new Person("山田 太郎", "taro@example.co.jp", null, null),
        "株式会社PPT",
        true);
  }

  public static MarketingQualified marketingQualified(UUID leadId) {
    return new MarketingQualified(
        leadId, ScoreBand.MQL_HIGH, LeadSource.INQUIRY, Instant.parse("2026-04-01T10:00:00Z"), 1);
  }

  public static CallListEntered callListEntered(UUID leadId) {
    return new CallListEntered(
        leadId, LeadSource.INQUIRY, Instant.parse("2026-04-01T10:00:00Z"), 1);
  }

  public static TossedUp tossedUp(UUID leadId) {
    return new TossedUp(leadId, UUID.randomUUID(), "v1", "Budget approved for Q3", "fs-tanaka");
  }

  public static OpportunityOpened opportunityOpened(UUID leadId, UUID opportunityId) {
    return new OpportunityOpened(
        leadId, opportunityId, OpportunityKind.NEW_BUSINESS, "fs-tanaka", "Budget approved");
  }

  public static TossUpAccepted tossUpAccepted(UUID leadId, UUID opportunityId) {
    return new TossUpAccepted(leadId, opportunityId, "fs-tanaka");
  }

  public static DealWon dealWon(UUID leadId, UUID opportunityId) {
    return new DealWon(
        leadId,
        opportunityId,
        new Money(new BigDecimal("1200000"), "JPY"),
        LocalDate.parse("2026-05-01"),
        12);
  }

  public static CustomerOnboarded customerOnboarded(UUID leadId, UUID opportunityId) {
    return new CustomerOnboarded(
        leadId,
        UUID.nameUUIDFromBytes(("account:" + opportunityId).getBytes()),
        opportunityId,
        new Money(new BigDecimal("1200000"), "JPY"),
        LocalDate.parse("2026-05-01"),
        12);
  }
}
