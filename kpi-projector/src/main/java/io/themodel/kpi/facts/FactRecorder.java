package io.themodel.kpi.facts;

import io.themodel.events.EventCodec;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Records each event as a fact: one row per event (never updated), and the journey's set-once
 * attributes (source, campaign, capture time, account). Every figure is derived from these by SQL
 * views, so the read model is the same whatever order the topics deliver the events in.
 */
@ApplicationScoped
public class FactRecorder {

  private static final String INSERT_FACT =
      "insert into fact (event_id, lead_id, account_id, type, stage, occurred_at, rule_version,"
          + " rep, amount, currency, recycle_kind, reason, competitor, data) values (?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (event_id) do nothing";
  private static final String UPSERT_JOURNEY =
      "insert into journey (lead_id, source, campaign, captured_at, account_id) values (?, ?, ?, ?,"
          + " ?) on conflict (lead_id) do update set source = coalesce(journey.source,"
          + " excluded.source), campaign = coalesce(journey.campaign, excluded.campaign),"
          + " captured_at = coalesce(journey.captured_at, excluded.captured_at), account_id ="
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

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(IncomingEvent incoming) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement lock =
            connection.prepareStatement("select pg_advisory_xact_lock_shared(?)")) {
      lock.setLong(1, SWAP_LOCK);
      lock.execute();
      record(
          connection,
          Fact.of(incoming.eventId(), incoming.occurredAt(), incoming.event(), codec),
          incoming.event() instanceof LeadCaptured captured ? captured : null);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record event " + incoming.eventId(), e);
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
    Timestamp at = Timestamp.from(fact.occurredAt());
    try (PreparedStatement insert = connection.prepareStatement(INSERT_FACT)) {
      insert.setObject(1, fact.eventId());
      insert.setObject(2, fact.leadId(), Types.OTHER);
      insert.setObject(3, fact.accountId(), Types.OTHER);
      insert.setString(4, fact.type().simpleName());
      insert.setString(5, fact.stage() == null ? null : fact.stage().name());
      insert.setTimestamp(6, at);
      insert.setString(7, fact.ruleVersion());
      insert.setString(8, fact.rep());
      insert.setBigDecimal(9, fact.amount() == null ? null : fact.amount().amount());
      insert.setString(10, fact.amount() == null ? null : fact.amount().currency());
      insert.setString(11, fact.recycleKind());
      insert.setString(12, fact.reason());
      insert.setString(13, fact.competitor());
      insert.setString(14, fact.data().toString());
      if (insert.executeUpdate() == 0 || fact.leadId() == null) {
        return; // already recorded, or about no journey
      }
      try (PreparedStatement journey = connection.prepareStatement(UPSERT_JOURNEY)) {
        journey.setObject(1, fact.leadId());
        journey.setString(2, capture == null ? null : capture.source().name());
        journey.setString(3, capture == null ? null : capture.campaign());
        journey.setTimestamp(4, capture == null ? null : at);
        journey.setObject(5, fact.accountId(), Types.OTHER);
        journey.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record fact " + fact.eventId(), e);
    }
  }
}
