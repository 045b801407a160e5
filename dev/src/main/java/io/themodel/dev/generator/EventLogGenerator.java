package io.themodel.dev.generator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.themodel.events.CloudEvent;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventType;
import io.themodel.events.Money;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.ExitCondition;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.is.CallListEntered;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.CompanyMatch;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.lead.ScoreBand;
import io.themodel.events.success.Churned;
import io.themodel.events.success.CustomerAccountOpened;
import io.themodel.events.success.CustomerOnboarded;
import io.themodel.events.success.Renewed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A realistic event log without the platform: whole customer journeys (capture, scoring, MQL,
 * calls, Recycle A, toss-up, acceptance or rejection, deal stages, won or lost with Recycle B,
 * onboarding, renewal or churn with win-back) as the four services would publish them, each a valid
 * CloudEvent of the catalogue, keyed by the journey key (the lead id) like the outbox relay keys
 * them. For the replay benchmark and for dashboard tests. Seeded: the same seed gives the same log,
 * ids included.
 */
public final class EventLogGenerator {

  /** One record as the relay would publish it: topic, key and CloudEvents JSON value. */
  public record Record(String topic, String key, String value) {}

  private static final LeadSource[] SOURCES = {
    LeadSource.WEB_FORM,
    LeadSource.DOWNLOAD,
    LeadSource.SEMINAR,
    LeadSource.EVENT,
    LeadSource.INQUIRY,
    LeadSource.LIST_IMPORT,
    LeadSource.REFERRAL
  };
  private static final double[] SOURCE_WEIGHTS = {45, 60, 30, 25, 12, 40, 5};
  private static final double[] MQL_RATE = {0.3, 0.2, 0.4, 0.3, 0.9, 0.1, 0.8};

  /** Written like {@link io.themodel.events.EventCodec} writes: ISO dates, exact decimals. */
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Random random;
  private final Instant start;
  private final Duration span;
  private long journeys;

  /**
   * A generator whose journeys start between {@code start} and {@code start + span}, in capture
   * order.
   */
  public EventLogGenerator(long seed, Instant start, Duration span) {
    this.random = new Random(seed);
    this.start = start;
    this.span = span;
  }

  /** Journeys generated so far. */
  public long journeys() {
    return journeys;
  }

  /**
   * Generates journeys until at least {@code events} records were handed to {@code sink}; returns
   * how many were.
   */
  public long generate(long events, Consumer<Record> sink) {
    long written = 0;
    // Spread the journeys' captures evenly over the span, ~9 events per journey on average.
    long expectedJourneys = Math.max(1, events / 9);
    long step = Math.max(1, span.toMillis() / expectedJourneys);
    Instant capture = start;
    while (written < events) {
      List<Record> journey = journey(capture);
      for (Record record : journey) {
        sink.accept(record);
      }
      written += journey.size();
      capture = capture.plusMillis(step);
    }
    return written;
  }

  /** One journey's records, in the order they happened. */
  List<Record> journey(Instant capturedAt) {
    journeys++;
    Journey j = new Journey(capturedAt);
    int source = weighted(SOURCE_WEIGHTS);
    LeadSource leadSource = SOURCES[source];
    String company = "Company " + Long.toString(randomLong(), 36);
    j.lead(
        new LeadCaptured(
            j.leadId,
            leadSource,
            leadSource.name().toLowerCase() + "-campaign",
            new Person("Person " + journeys, "p" + journeys + "@example.co.jp", null, null),
            company,
            true));
    j.lead(
        new CompanyResolved(
            j.leadId, uuid(), company.toLowerCase().replace(" ", ""), CompanyMatch.NEW_COMPANY));
    if (random.nextDouble() < 0.08) {
      j.lead(new LeadExcluded(j.leadId, ExclusionReason.STUDENT, "ac.jp address"));
      return j.records;
    }
    int score = 0;
    for (int touch = random.nextInt(4); touch > 0; touch--) {
      j.later(Duration.ofDays(1 + random.nextInt(10)));
      int delta = 1 + random.nextInt(10);
      score += delta;
      j.lead(new LeadScored(j.leadId, delta, score, "PAGE_VIEW", ScoreBand.MQL_LOW));
    }
    int round = 0;
    while (random.nextDouble() < (round == 0 ? MQL_RATE[source] : 0.15)) {
      round++;
      j.later(Duration.ofDays(round == 1 ? random.nextInt(14) : 30 + random.nextInt(90)));
      Instant due = j.at.plus(Duration.ofHours(24));
      j.lead(new MarketingQualified(j.leadId, ScoreBand.MQL_HIGH, leadSource, due, 2));
      j.is(new CallListEntered(j.leadId, leadSource, due, 2));
      String outcome = calls(j);
      if (outcome.equals("TOSS_UP")) {
        deal(j);
        return j.records;
      }
      j.is(new Disqualified(j.leadId, outcome, "is-suzuki"));
      j.lead(new LeadRecycled(j.leadId, RecycleKind.A, j.lastEventId, "Disqualified", outcome));
    }
    return j.records;
  }

  /** Calls until a contact decides, or six calls; returns TOSS_UP or a disqualification reason. */
  private String calls(Journey j) {
    for (int call = 1; call <= 6; call++) {
      j.later(Duration.ofDays(1 + random.nextInt(3)));
      boolean connected = random.nextDouble() < 0.6;
      boolean contacted = connected && random.nextDouble() < 0.55;
      CallOutcome outcome =
          contacted
              ? CallOutcome.CONTACTED_KEY_PERSON
              : connected ? CallOutcome.CONNECTED_RECEPTION : CallOutcome.NO_ANSWER;
      j.is(
          new CallLogged(
              j.leadId, outcome, "is-sato", contacted ? "Uses spreadsheets" : null, null));
      if (contacted) {
        double conversation = random.nextDouble();
        if (conversation < 0.35) {
          return "TOSS_UP";
        }
        if (conversation < 0.65) {
          return "NO_NEED";
        }
      }
    }
    return "UNREACHABLE";
  }

  private void deal(Journey j) {
    UUID opportunity = uuid();
    String rep = "fs-" + (1 + random.nextInt(3));
    j.is(new TossedUp(j.leadId, opportunity, "v1", "Budget approved", rep));
    j.deal(
        new OpportunityOpened(
            j.leadId, opportunity, OpportunityKind.NEW_BUSINESS, rep, "Budget approved"));
    j.later(Duration.ofHours(4 + random.nextInt(40)));
    if (random.nextDouble() >= 0.8) {
      j.deal(new TossUpRejected(j.leadId, opportunity, "NOT_NOW", "No project this year", rep));
      return;
    }
    j.deal(new TossUpAccepted(j.leadId, opportunity, rep));
    Money amount = new Money(BigDecimal.valueOf(600_000L + 100_000L * random.nextInt(40)), "JPY");
    LocalDate close = LocalDate.ofInstant(j.at, ZoneOffset.UTC).plusDays(20 + random.nextInt(70));
    j.later(Duration.ofDays(2));
    j.deal(
        new DealStageChanged(
            j.leadId,
            opportunity,
            null,
            DealStage.FIRST_PROPOSAL,
            amount,
            close,
            20,
            List.of(),
            rep));
    j.later(Duration.ofDays(10 + random.nextInt(20)));
    j.deal(
        new DealStageChanged(
            j.leadId,
            opportunity,
            DealStage.FIRST_PROPOSAL,
            DealStage.MAIN_PROPOSAL,
            amount,
            close,
            50,
            List.of(ExitCondition.BANT),
            rep));
    j.later(Duration.ofDays(10 + random.nextInt(30)));
    if (random.nextDouble() >= 0.3) {
      j.deal(new DealLost(j.leadId, opportunity, "PRICE", null, null));
      j.lead(new LeadRecycled(j.leadId, RecycleKind.B, j.lastEventId, "DealLost", "PRICE"));
      return;
    }
    LocalDate contractStart = LocalDate.ofInstant(j.at, ZoneOffset.UTC).plusDays(1);
    j.deal(new DealWon(j.leadId, opportunity, amount, contractStart, 12));
    j.accountId = uuid();
    j.success(
        new CustomerAccountOpened(
            j.leadId, j.accountId, opportunity, amount, contractStart, 12, List.of()));
    j.success(new CustomerOnboarded(j.leadId, j.accountId, opportunity, amount, contractStart, 12));
    j.later(Duration.ofDays(365));
    if (random.nextDouble() < 0.88) {
      j.success(new Renewed(j.leadId, j.accountId, contractStart.plusMonths(12), 12, amount));
    } else {
      j.success(new Churned(j.leadId, j.accountId, "NO_ADOPTION"));
      j.lead(
          new LeadRecycled(
              j.leadId, RecycleKind.WIN_BACK, j.lastEventId, "Churned", "NO_ADOPTION"));
    }
  }

  private int weighted(double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double point = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      point -= weights[i];
      if (point < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private long randomLong() {
    return random.nextLong() & Long.MAX_VALUE;
  }

  /** Ids from the seed, so that a seed gives the same log. */
  private UUID uuid() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    long most = 0;
    long least = 0;
    for (int i = 0; i < 8; i++) {
      most = (most << 8) | (bytes[i] & 0xff);
      least = (least << 8) | (bytes[8 + i] & 0xff);
    }
    return new UUID(most, least);
  }

  /** The CloudEvents envelope ({@link CloudEvent}'s fields, in its order) around a typed event. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record Wire(
      String specversion,
      UUID id,
      String source,
      String type,
      String subject,
      Instant time,
      String datacontenttype,
      String dataschema,
      UUID correlationid,
      UUID causationid,
      UUID leadid,
      UUID accountid,
      DomainEvent data) {}

  /** A journey being written: its key, its clock, and the records so far. */
  private final class Journey {
    final UUID leadId = uuid();
    final UUID correlationId = uuid();
    final List<Record> records = new ArrayList<>();
    UUID accountId;
    UUID lastEventId;
    Instant at;

    Journey(Instant capturedAt) {
      this.at = capturedAt;
    }

    void later(Duration by) {
      at = at.plus(by);
    }

    void lead(DomainEvent event) {
      write(event, leadId.toString());
    }

    void is(DomainEvent event) {
      write(event, leadId.toString());
    }

    void deal(DomainEvent event) {
      write(event, event instanceof OpportunityOpened o ? o.opportunityId().toString() : subject());
    }

    void success(DomainEvent event) {
      write(event, accountId.toString());
    }

    private String subject() {
      return leadId.toString();
    }

    private void write(DomainEvent event, String subject) {
      // A second apart at least: every event of a journey has a time of its own.
      at = at.plusSeconds(1);
      EventType type = EventType.of(event);
      UUID eventId = uuid();
      // The envelope EventCodec writes, in one pass: the data is written as the record it is
      // rather than through a JSON tree first (twice as fast; the test reads every record back
      // through EventCodec and its schemas).
      Wire wire =
          new Wire(
              CloudEvent.SPEC_VERSION,
              eventId,
              type.department().source(),
              type.typeName(),
              subject,
              at,
              "application/json",
              type.dataSchema(),
              correlationId,
              lastEventId,
              leadId,
              event.accountId(),
              event);
      lastEventId = eventId;
      try {
        records.add(
            new Record(
                type.department().topic(), leadId.toString(), json.writeValueAsString(wire)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write " + type.typeName(), e);
      }
    }
  }
}
