package io.themodel.kpi.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.postgres.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A rebuild that fails half-way, after it has pointed its connection at the schema it rebuilds,
 * leaves the pool as it was: every pooled connection still reads and writes the live read model.
 * (The database refuses the rebuild's second insert of facts, after its first poll is committed: an
 * event trigger arms a refusing trigger on the rebuild schema's fact table as the rebuild creates
 * it.)
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_failed_rebuild_test"))
class FailedRebuildTest {

  private static final String DATABASE = "kpi_failed_rebuild_test";

  @Inject AgroalDataSource pool;

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  @Test
  void a_rebuild_refused_half_way_leaves_every_pooled_connection_on_the_live_schema()
      throws Exception {
    // more events than one poll of the rebuild takes (5,000), so that it commits a first poll
    List<TopicProbe.Keyed> records = new ArrayList<>();
    for (int i = 0; i < 5_200; i++) {
      UUID lead = UUID.randomUUID();
      LeadCaptured captured = TestEvents.leadCaptured(lead);
      records.add(
          new TopicProbe.Keyed(
              lead.toString(),
              TestEvents.cloudEvent(
                  captured, UUID.randomUUID(), Instant.parse("2006-03-01T00:00:00Z"))));
    }
    topics.sendTogether(Department.LEAD.topic(), records);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> count("select count(*) from public.fact") >= records.size());

    // the rebuild's second insert of facts is refused: its first poll is committed by then
    execute(
        "create sequence public.rebuilt_fact_inserts",
        "create or replace function public.refuse_rebuilt_fact() returns trigger language plpgsql"
            + " as $$ begin if nextval('public.rebuilt_fact_inserts') > 1 then raise exception"
            + " 'refused by FailedRebuildTest'; end if; return null; end $$",
        "create or replace function public.arm_fact_refusal() returns event_trigger language"
            + " plpgsql as $$ declare command record; begin for command in select * from"
            + " pg_event_trigger_ddl_commands() loop if command.command_tag = 'CREATE TABLE' and"
            + " command.object_identity = '"
            + Rebuild.REBUILD_SCHEMA
            + ".fact' then execute 'create trigger refuse before insert on "
            + Rebuild.REBUILD_SCHEMA
            + ".fact for each statement execute function public.refuse_rebuilt_fact()'; end if;"
            + " end loop; end $$",
        "create event trigger arm_fact_refusal on ddl_command_end when tag in ('CREATE TABLE')"
            + " execute function public.arm_fact_refusal()");
    try {
      given().post("/rebuild").then().statusCode(202);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !"REPLAYING".equals(given().get("/rebuild").then().extract().path("state")));
      assertThat((String) given().get("/rebuild").then().extract().path("state"))
          .isEqualTo("FAILED");
      assertThat(given().get("/rebuild").then().extract().jsonPath().getLong("eventsApplied"))
          .as("events of the first poll, committed before the refusal")
          .isPositive();
    } finally {
      execute("drop event trigger if exists arm_fact_refusal");
    }

    String live;
    try (Connection fresh = TestDatabase.connect(TestDatabase.name(DATABASE))) {
      live = searchPath(fresh);
    }
    // every connection of the pool at once, so the one a rebuild might have returned is among them
    int size = pool.getConfiguration().connectionPoolConfiguration().maxSize();
    List<Connection> borrowed = new ArrayList<>();
    try {
      while (borrowed.size() < size) {
        borrowed.add(pool.getConnection());
      }
      for (Connection connection : borrowed) {
        assertThat(searchPath(connection)).isEqualTo(live);
      }
    } finally {
      for (Connection connection : borrowed) {
        connection.close();
      }
    }
  }

  private static String searchPath(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("show search_path")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void execute(String... statements) throws Exception {
    try (Connection connection = TestDatabase.connect(TestDatabase.name(DATABASE));
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection connection = TestDatabase.connect(TestDatabase.name(DATABASE));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
