package io.themodel.kpi.facts;

import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records each event as a fact: one row per event (never updated), and the journey's set-once
 * attributes (source, campaign, capture time, account). Every figure is derived from these by SQL
 * views, so the read model is the same whatever order the topics deliver the events in.
 */
@ApplicationScoped
public class FactRecorder {

  /**
   * Many facts in one statement: each column is sent as one array (as text, cast by PostgreSQL),
   * and the ids of the rows that were new come back, so that an event delivered twice is recorded
   * once.
   */
  private static final String INSERT_FACTS =
      "insert into fact (event_id, lead_id, account_id, type, stage, occurred_at, rule_version,"
          + " rep, amount, currency, recycle_kind, reason, competitor, data) select * from"
          + " unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[],"
          + " ?::text[], ?::text[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::jsonb[]) on conflict (event_id) do nothing returning event_id";

  /** The journeys' set-once attributes: a value already recorded is never replaced. */
  private static final String UPSERT_JOURNEYS =
      "insert into journey (lead_id, source, campaign, captured_at, account_id) select * from"
          + " unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::uuid[]) on conflict"
          + " (lead_id) do update set source = coalesce(journey.source, excluded.source), campaign"
          + " = coalesce(journey.campaign, excluded.campaign), captured_at ="
          + " coalesce(journey.captured_at, excluded.captured_at), account_id ="
          + " coalesce(journey.account_id, excluded.account_id)";

  private final DataSource dataSource;
  private final EventCodec codec;

  FactRecorder(DataSource dataSource, EventCodec codec) {
    this.dataSource = dataSource;
    this.codec = codec;
  }

  /**
   * The advisory lock a rebuild takes exclusively while it swaps the read model; live application
   * takes it shared, so no event is applied to the old read model after the rebuild's last look.
   */
  public static final long SWAP_LOCK = 0x7E_4D_0DE1L;

  /** Records a batch of events as facts, in the caller's transaction, with two statements. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(List<IncomingEvent> events) {
    List<Entry> entries = new ArrayList<>(events.size());
    for (IncomingEvent incoming : events) {
      entries.add(Entry.of(incoming.eventId(), incoming.occurredAt(), incoming.event(), codec));
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement lock =
            connection.prepareStatement("select pg_advisory_xact_lock_shared(?)")) {
      lock.setLong(1, SWAP_LOCK);
      lock.execute();
      recordAll(connection, entries);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record event " + events.get(0).eventId(), e);
    }
  }

  /** Records a fact and, for a capture, the journey's source and campaign. */
  void record(Fact fact, LeadCaptured capture) {
    try (Connection connection = dataSource.getConnection()) {
      record(connection, fact, capture);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record fact " + fact.eventId(), e);
    }
  }

  /** Records a fact on a given connection (a rebuild writes into its own schema). */
  public void record(Connection connection, Fact fact, LeadCaptured capture) {
    recordAll(connection, List.of(new Entry(fact, capture)));
  }

  /** A fact to record, and the capture it comes from if it is one (its source and campaign). */
  public record Entry(Fact fact, LeadCaptured capture) {

    /** An event's fact, and the event itself if it is a capture. */
    public static Entry of(UUID eventId, Instant occurredAt, DomainEvent event, EventCodec codec) {
      return new Entry(
          Fact.of(eventId, occurredAt, event, codec),
          event instanceof LeadCaptured captured ? captured : null);
    }
  }

  /**
   * Records facts on a given connection with two statements, however many there are: the facts,
   * then the journeys of those that were new.
   */
  public void recordAll(Connection connection, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try {
      Set<UUID> recorded = insertFacts(connection, entries);
      Map<UUID, JourneyAttributes> journeys = new LinkedHashMap<>();
      for (Entry entry : entries) {
        Fact fact = entry.fact();
        if (fact.leadId() != null && recorded.contains(fact.eventId())) {
          journeys
              .computeIfAbsent(fact.leadId(), lead -> new JourneyAttributes())
              .add(fact, entry.capture());
        }
      }
      upsertJourneys(connection, journeys);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot record facts from event " + entries.get(0).fact().eventId(), e);
    }
  }

  /**
   * A journey's attributes from one batch of facts: the first value each got wins, as the upsert's
   * {@code coalesce} keeps the first across batches.
   */
  private static final class JourneyAttributes {
    private String source;
    private String campaign;
    private String capturedAt;
    private String accountId;

    void add(Fact fact, LeadCaptured capture) {
      if (capture != null) {
        source = source != null ? source : capture.source().name();
        campaign = campaign != null ? campaign : capture.campaign();
        capturedAt = capturedAt != null ? capturedAt : fact.occurredAt().toString();
      }
      accountId = accountId != null ? accountId : text(fact.accountId());
    }
  }

  private static Set<UUID> insertFacts(Connection connection, List<Entry> entries)
      throws SQLException {
    int n = entries.size();
    String[][] columns = new String[14][n];
    for (int i = 0; i < n; i++) {
      Fact fact = entries.get(i).fact();
      columns[0][i] = fact.eventId().toString();
      columns[1][i] = text(fact.leadId());
      columns[2][i] = text(fact.accountId());
      columns[3][i] = fact.type().simpleName();
      columns[4][i] = fact.stage() == null ? null : fact.stage().name();
      columns[5][i] = fact.occurredAt().toString();
      columns[6][i] = fact.ruleVersion();
      columns[7][i] = fact.rep();
      columns[8][i] = fact.amount() == null ? null : fact.amount().amount().toPlainString();
      columns[9][i] = fact.amount() == null ? null : fact.amount().currency();
      columns[10][i] = fact.recycleKind();
      columns[11][i] = fact.reason();
      columns[12][i] = fact.competitor();
      columns[13][i] = fact.data().toString();
    }
    Set<UUID> recorded = new HashSet<>();
    try (PreparedStatement insert = connection.prepareStatement(INSERT_FACTS)) {
      bindColumns(connection, insert, columns);
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          recorded.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return recorded;
  }

  private static void upsertJourneys(Connection connection, Map<UUID, JourneyAttributes> journeys)
      throws SQLException {
    if (journeys.isEmpty()) {
      return;
    }
    String[][] columns = new String[5][journeys.size()];
    int i = 0;
    for (Map.Entry<UUID, JourneyAttributes> journey : journeys.entrySet()) {
      JourneyAttributes attributes = journey.getValue();
      columns[0][i] = journey.getKey().toString();
      columns[1][i] = attributes.source;
      columns[2][i] = attributes.campaign;
      columns[3][i] = attributes.capturedAt;
      columns[4][i++] = attributes.accountId;
    }
    try (PreparedStatement upsert = connection.prepareStatement(UPSERT_JOURNEYS)) {
      bindColumns(connection, upsert, columns);
      upsert.executeUpdate();
    }
  }

  /** Binds each column as one text array, parameter by parameter (the SQL casts them). */
  private static void bindColumns(
      Connection connection, PreparedStatement statement, String[][] columns) throws SQLException {
    for (int c = 0; c < columns.length; c++) {
      statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
    }
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
