package io.themodel.kpi.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.RecycleKind;
import io.themodel.events.success.Churned;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
  private static PGSimpleDataSource dataSource;

  private record Delivery(UUID eventId, Instant at, DomainEvent event) {}

  @BeforeContainer
  static void freshReadModel() {
    dataSource = new PGSimpleDataSource();
    dataSource.setURL(TestDatabase.recreate("kpi_properties"));
    dataSource.setUser(TestDatabase.user());
    dataSource.setPassword(TestDatabase.password());
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/inbox", "classpath:db/migration")
        .load()
        .migrate();
  }

  @Property(tries = 40)
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
  }

  /** Journeys that go as far as chance takes them, with rejections, recycles and churn. */
  private static List<Delivery> journeys(int count, Random random) {
    List<Delivery> log = new ArrayList<>();
    Instant start = Instant.parse("2004-01-01T00:00:00Z");
    for (int j = 0; j < count; j++) {
      UUID lead = UUID.randomUUID();
      UUID opportunity = UUID.randomUUID();
      Instant at = start.plus(Duration.ofHours(random.nextInt(24 * 60)));
      List<DomainEvent> path = new ArrayList<>();
      path.add(TestEvents.leadCaptured(lead));
      int depth = random.nextInt(8);
      if (depth > 0) {
        path.add(TestEvents.marketingQualified(lead));
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
        if (depth == 4) {
          path.add(new DealLost(lead, opportunity, "PRICE", "Rival KK", null));
          path.add(new LeadRecycled(lead, RecycleKind.B, UUID.randomUUID(), "DealLost", "PRICE"));
        } else {
          path.add(TestEvents.dealWon(lead, opportunity));
          path.add(TestEvents.customerOnboarded(lead, opportunity));
          if (depth == 7) {
            UUID account = TestEvents.customerOnboarded(lead, opportunity).accountId();
            path.add(new Churned(lead, account, "budget cut"));
          }
        }
      }
      for (DomainEvent event : path) {
        log.add(new Delivery(UUID.randomUUID(), at, event));
        at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 5)));
      }
    }
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
    return dump("select * from fact order by event_id")
        + dump("select * from journey order by lead_id")
        + dump("select * from funnel_transition order by stage, lead_id")
        + dump("select * from recycle_flow order by event_id");
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
