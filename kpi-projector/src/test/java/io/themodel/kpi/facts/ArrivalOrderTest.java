package io.themodel.kpi.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.Money;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.TargetSet;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.feedback.FeedbackAcknowledged;
import io.themodel.events.feedback.FeedbackActedOn;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.CompaniesMerged;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadReincluded;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.LeadsMerged;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.success.AdvocateMarked;
import io.themodel.events.success.Churned;
import io.themodel.kpi.funnel.ReportWindow;
import io.themodel.kpi.funnel.StageBalances;
import io.themodel.kpi.readmodel.ReadModel;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.postgres.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The read model is a function of the set of events, not of their order: any arrival order across
 * topics, with any re-deliveries, gives the same facts, journeys and derived views.
 */
class ArrivalOrderTest {

  private static final EventCodec CODEC = new EventCodec();
  private static DataSource dataSource;

  private record Delivery(UUID eventId, Instant at, DomainEvent event) {}

  @BeforeContainer
  static void freshReadModel() {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(TestDatabase.recreate("kpi_properties"));
    postgres.setUser(TestDatabase.user());
    postgres.setPassword(TestDatabase.password());
    dataSource = oneConnection(postgres);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/inbox", "classpath:db/migration")
        .load()
        .migrate();
  }

  /**
   * A data source that hands out one open connection again and again (closing it is a no-op): the
   * recorder opens a connection per fact, and a new PostgreSQL connection per fact would make these
   * properties take minutes.
   */
  private static DataSource oneConnection(PGSimpleDataSource postgres) {
    Connection connection;
    try {
      connection = postgres.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    Connection kept =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    method.getName().equals("close") ? null : invoke(method, connection, args));
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) ->
                method.getName().equals("getConnection") ? kept : invoke(method, postgres, args));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Property(tries = 30)
  void any_arrival_order_and_any_redelivery_give_the_same_read_model(
      @ForAll @IntRange(min = 1, max = 8) int journeys, @ForAll long seed) throws SQLException {
    List<Delivery> log = journeys(journeys, new Random(seed));

    String inOrder = readModelAfter(log);
    List<Delivery> shuffled = new ArrayList<>(log);
    Random random = new Random(seed ^ 0x5DEECE66DL);
    for (Delivery delivery : log) {
      if (random.nextInt(3) == 0) {
        shuffled.add(delivery); // delivered again
      }
    }
    Collections.shuffle(shuffled, random);

    assertThat(readModelAfter(shuffled)).isEqualTo(inOrder);
    // A rebuild records a poll's events at once: any cut into batches, re-deliveries within a
    // batch included, gives the same read model too.
    assertThat(readModelAfterBatches(shuffled, random)).isEqualTo(inOrder);
  }

  @Property(tries = 15)
  void every_stage_balance_obeys_stock_and_flow_in_every_period(
      @ForAll @IntRange(min = 1, max = 10) int journeys,
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 60) int startDay,
      @ForAll @IntRange(min = 1, max = 60) int days)
      throws SQLException {
    List<Delivery> log = journeys(journeys, new Random(seed));
    readModelAfter(log);
    Instant from = Instant.parse("2004-01-01T00:00:00Z").plus(Duration.ofDays(startDay));
    Instant to = from.plus(Duration.ofDays(days));
    StageBalances balances =
        new StageBalances(
            new ReadModel(dataSource, new com.fasterxml.jackson.databind.ObjectMapper()));
    Instant asOf = Instant.parse("2005-01-01T00:00:00Z");
    List<StageBalances.Balance> period = balances.balances(new ReportWindow(from, to, asOf));
    long journeysCapturedBefore =
        log.stream().filter(d -> d.event() instanceof LeadCaptured && d.at().isBefore(to)).count();
    long standing = 0;
    for (StageBalances.Balance balance : period) {
      assertThat(balance.atEnd())
          .as(balance.state())
          .isEqualTo(balance.atStart() + balance.in() - balance.out());
      standing += balance.atEnd();
    }
    // every journey captured by the end of the period stands in exactly one place
    assertThat(standing).isEqualTo(journeysCapturedBefore);
    // and the next period starts where this one ended
    List<StageBalances.Balance> next =
        balances.balances(new ReportWindow(to, to.plus(Duration.ofDays(7)), asOf));
    assertThat(next)
        .extracting(StageBalances.Balance::atStart)
        .isEqualTo(period.stream().map(StageBalances.Balance::atEnd).toList());
  }

  /**
   * Journeys that go as far as chance takes them, with rejections, recycles, churn and merges into
   * the journey before.
   */
  private static List<Delivery> journeys(int count, Random random) {
    List<Delivery> log = new ArrayList<>();
    Instant start = Instant.parse("2004-01-01T00:00:00Z");
    UUID previous = null;
    for (int j = 0; j < count; j++) {
      UUID lead = UUID.randomUUID();
      UUID opportunity = UUID.randomUUID();
      Instant at = start.plus(Duration.ofHours(random.nextInt(24 * 60)));
      List<DomainEvent> path = new ArrayList<>();
      path.add(TestEvents.leadCaptured(lead));
      if (random.nextBoolean()) {
        path.add(new LeadTouched(lead, UUID.randomUUID(), LeadSource.SEMINAR, "autumn"));
      }
      int depth = random.nextInt(8);
      if (depth > 0) {
        path.add(TestEvents.marketingQualified(lead));
        CallOutcome[] outcomes = CallOutcome.values();
        for (int c = random.nextInt(3); c >= 0; c--) {
          path.add(
              new CallLogged(
                  lead, outcomes[random.nextInt(outcomes.length)], "is-" + c, null, null));
        }
      }
      if (random.nextInt(5) == 0) {
        path.add(new LeadExcluded(lead, ExclusionReason.COMPETITOR, "rival"));
        if (random.nextBoolean()) {
          path.add(new LeadReincluded(lead, "ops", "a partner"));
        }
      }
      if (depth > 1) {
        path.add(new TossedUp(lead, opportunity, "v" + random.nextInt(3), null, "fs-" + j));
      }
      if (depth == 2) {
        path.add(new TossUpRejected(lead, opportunity, "NO_BUDGET", null, "fs-" + j));
      } else if (depth == 3) {
        path.add(new Disqualified(lead, "timing", "is-" + j));
        path.add(
            new LeadRecycled(lead, RecycleKind.A, UUID.randomUUID(), "Disqualified", "timing"));
        path.add(TestEvents.marketingQualified(lead));
      } else if (depth > 3) {
        path.add(TestEvents.tossUpAccepted(lead, opportunity));
        path.add(
            new DealStageChanged(
                lead,
                opportunity,
                DealStage.FIRST_PROPOSAL,
                DealStage.MAIN_PROPOSAL,
                new Money(BigDecimal.valueOf(1000 + random.nextInt(9000)), "JPY"),
                LocalDate.parse("2004-03-01"),
                10 * random.nextInt(11),
                List.of(),
                "fs-" + j));
        if (depth == 4) {
          path.add(new DealLost(lead, opportunity, "PRICE", "Rival KK", null));
          path.add(new LeadRecycled(lead, RecycleKind.B, UUID.randomUUID(), "DealLost", "PRICE"));
        } else {
          path.add(TestEvents.dealWon(lead, opportunity));
          path.add(TestEvents.customerOnboarded(lead, opportunity));
          UUID account = TestEvents.customerOnboarded(lead, opportunity).accountId();
          if (depth == 7) {
            path.add(new Churned(lead, account, "budget cut"));
          } else if (depth == 6) {
            path.add(new AdvocateMarked(lead, account, "cs", null));
          }
        }
      }
      if (depth > 1 && random.nextBoolean()) { // Field Sales' feedback to Inside Sales
        UUID feedback = UUID.randomUUID();
        path.add(
            new FeedbackGiven(
                feedback,
                Department.DEAL,
                FeedbackParty.INSIDE_SALES,
                lead,
                null,
                FeedbackCategory.TOSS_UP_QUALITY,
                "handoff",
                "budget was not confirmed",
                "fs-" + j));
        if (random.nextBoolean()) {
          path.add(new FeedbackAcknowledged(feedback, Department.IS, lead, "is-" + j, null));
          if (random.nextBoolean()) {
            path.add(
                new FeedbackActedOn(feedback, Department.IS, lead, "is-" + j, "ask for budget"));
          }
        }
      }
      if (previous != null && random.nextInt(4) == 0) { // the same person as the journey before
        path.add(new LeadsMerged(lead, previous, UUID.randomUUID(), "ops", null));
      }
      previous = lead;
      for (DomainEvent event : path) {
        log.add(new Delivery(UUID.randomUUID(), at, event));
        // now and then two events of a journey at the same instant
        at = at.plus(Duration.ofMinutes(random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(7200)));
      }
    }
    log.add(
        new Delivery(
            UUID.randomUUID(),
            start,
            new TargetSet("2004-Q1", null, null, new Money(BigDecimal.TEN, "JPY"), "vp")));
    log.add(
        new Delivery(
            UUID.randomUUID(),
            start,
            new CompaniesMerged(UUID.randomUUID(), UUID.randomUUID(), "ops", null)));
    return log;
  }

  private static String readModelAfter(List<Delivery> deliveries) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("truncate fact, journey");
    }
    FactRecorder recorder = new FactRecorder(dataSource, CODEC);
    for (Delivery delivery : deliveries) {
      recorder.record(
          Fact.of(delivery.eventId(), delivery.at(), delivery.event(), CODEC),
          delivery.event() instanceof LeadCaptured captured ? captured : null);
    }
    return readModel();
  }

  private static String readModel() throws SQLException {
    return dump("select * from fact order by event_id")
        + dump("select * from journey order by lead_id")
        + dump("select * from funnel_transition order by stage, lead_id")
        + dump("select * from recycle_flow order by event_id")
        + dump("select * from stage_stay order by lead_id, entered_at, event_id")
        + dump("select * from is_call order by event_id")
        + dump("select * from deal_outcome order by opportunity_id")
        + dump("select * from account_event order by account_id, occurred_at, type")
        + dump("select * from revenue_target order by event_id")
        + dump("select * from toss_up_rejection order by event_id")
        + dump("select * from won_attribution order by event_id")
        + dump("select * from feedback_item order by feedback_id");
  }

  private static String readModelAfterBatches(List<Delivery> deliveries, Random random)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("truncate fact, journey");
    }
    FactRecorder recorder = new FactRecorder(dataSource, CODEC);
    try (Connection connection = dataSource.getConnection()) {
      int from = 0;
      while (from < deliveries.size()) {
        int to = Math.min(deliveries.size(), from + 1 + random.nextInt(12));
        List<FactRecorder.Entry> batch = new ArrayList<>();
        for (Delivery delivery : deliveries.subList(from, to)) {
          batch.add(
              new FactRecorder.Entry(
                  Fact.of(delivery.eventId(), delivery.at(), delivery.event(), CODEC),
                  delivery.event() instanceof LeadCaptured captured ? captured : null));
        }
        recorder.recordAll(connection, batch);
        from = to;
      }
    }
    return readModel();
  }

  private static String dump(String query) throws SQLException {
    StringBuilder out = new StringBuilder(query).append('\n');
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      ResultSetMetaData columns = rows.getMetaData();
      while (rows.next()) {
        for (int c = 1; c <= columns.getColumnCount(); c++) {
          out.append(rows.getString(c)).append('|');
        }
        out.append('\n');
      }
    }
    return out.toString();
  }
}
