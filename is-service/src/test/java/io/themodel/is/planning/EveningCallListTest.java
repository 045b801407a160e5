package io.themodel.is.planning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.themodel.events.Department;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.TestClock;
import io.themodel.is.calllist.CallListFixture;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class EveningCallListTest {

  // 18:00 in Tokyo on Wednesday 1 April 2026: the list for Thursday 2 April is built
  private static final Instant WEDNESDAY_EVENING = Instant.parse("2026-04-01T09:00:00Z");
  private static final Instant LONG_DUE = Instant.parse("2020-01-01T00:00:00Z");

  @Inject EveningCallList evening;
  @Inject TestClock clock;

  private final CallListFixture fixture = new CallListFixture();

  @AfterEach
  void systemTime() {
    clock.reset();
  }

  private UUID leadOf(String company, Instant due) {
    UUID leadId = UUID.randomUUID();
    fixture
        .topics()
        .send(
            Department.LEAD.topic(),
            leadId.toString(),
            TestEvents.cloudEvent(
                new LeadCaptured(
                    leadId,
                    LeadSource.SEMINAR,
                    "spring",
                    new Person("山田 太郎", "t@example.jp", null, null),
                    company,
                    true)));
    fixture.mqlArrives(
        new MarketingQualified(leadId, ScoreBand.MQL_HIGH, LeadSource.SEMINAR, due, 1));
    return leadId;
  }

  @Test
  void
      the_evening_build_lists_each_company_once_and_skips_companies_called_today_and_recycled_leads() {
    UUID ppt = leadOf("株式会社PPT", LONG_DUE);
    UUID pptAgain = leadOf("ＰＰＴ商事", LONG_DUE.plusSeconds(1));
    UUID calledToday = leadOf("Acme Inc.", LONG_DUE);
    UUID recycled = leadOf("Kita KK", LONG_DUE);
    UUID toyo = leadOf("東洋", LONG_DUE);
    clock.set(WEDNESDAY_EVENING);
    given()
        .contentType(ContentType.JSON)
        .body("{\"outcome\": \"NO_ANSWER\", \"rep\": \"is-suzuki\"}")
        .post("/call-list/{id}/calls", calledToday)
        .then()
        .statusCode(201);
    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"no budget\", \"rep\": \"is-suzuki\"}")
        .post("/call-list/{id}/disqualification", recycled)
        .then()
        .statusCode(201);

    LocalDate day = evening.buildNext();

    assertThat(day).isEqualTo(LocalDate.parse("2026-04-02"));
    given()
        .get("/call-lists/{day}", "2026-04-02")
        .then()
        .statusCode(200)
        .body("leadId", hasItem(ppt.toString()))
        .body("leadId", hasItem(toyo.toString()))
        .body("leadId", not(hasItem(pptAgain.toString())))
        .body("leadId", not(hasItem(calledToday.toString())))
        .body("leadId", not(hasItem(recycled.toString())))
        .body("rep", everyItem(in(List.of("is-sato", "is-suzuki"))));
    given()
        .queryParam("rep", "is-sato")
        .get("/call-lists/{day}", "2026-04-02")
        .then()
        .body("rep", everyItem(in(List.of("is-sato"))));
  }

  @Test
  void on_friday_evening_the_list_is_for_monday() {
    clock.set(Instant.parse("2026-04-03T09:00:00Z"));
    assertThat(evening.buildNext()).isEqualTo(LocalDate.parse("2026-04-06"));
  }

  @Test
  void a_day_that_is_not_a_date_is_a_400_naming_it() {
    given()
        .get("/call-lists/{day}", "tomorrow")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("day"));
  }
}
