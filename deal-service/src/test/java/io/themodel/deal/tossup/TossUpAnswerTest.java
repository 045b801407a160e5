package io.themodel.deal.tossup;

import static io.restassured.RestAssured.given;
import static io.themodel.deal.support.DealApi.accepted;
import static io.themodel.deal.support.DealApi.post;
import static io.themodel.deal.support.DealApi.published;
import static io.themodel.deal.support.DealApi.tossUpArrives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.deal.support.AdjustableClock;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "deal_test"))
class TossUpAnswerTest {

  @Inject AdjustableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static final String REJECT =
      """
      {"reason": "NO_DECISION_MAKER", "handoffGap": "Met IT staff, not the CIO",
       "rejectedBy": "fs-tanaka"}
      """;

  @Test
  void a_rejected_toss_up_goes_back_to_inside_sales_with_the_reason_and_the_handoff_gap() {
    UUID opportunityId = tossUpArrives("fs-tanaka");
    post("rejection", opportunityId, REJECT)
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("rejectionReason", equalTo("NO_DECISION_MAKER"))
        .body("handoffGap", equalTo("Met IT staff, not the CIO"));

    TossUpRejected rejected = published("TossUpRejected", opportunityId);
    assertThat(rejected.reason()).isEqualTo("NO_DECISION_MAKER");
    assertThat(rejected.handoffGap()).isEqualTo("Met IT staff, not the CIO");
    assertThat(rejected.rejectedBy()).isEqualTo("fs-tanaka");
    assertThat(rejected.leadId()).isNotNull();

    post("rejection", opportunityId, REJECT)
        .statusCode(409)
        .contentType("application/problem+json");
    post("acceptance", opportunityId, "{\"acceptedBy\": \"fs-tanaka\"}").statusCode(409);
  }

  @Test
  void a_rejection_reason_outside_the_configured_list_is_a_422_naming_reason() {
    UUID opportunityId = tossUpArrives("fs-tanaka");
    post("rejection", opportunityId, REJECT.replace("NO_DECISION_MAKER", "BAD_VIBES"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("reason"));
  }

  @Test
  void a_rejection_without_reason_or_rejecter_is_a_400_naming_both() {
    UUID opportunityId = tossUpArrives("fs-tanaka");
    post("rejection", opportunityId, "{\"handoffGap\": \"x\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("reason"))
        .body("errors.field", hasItem("rejectedBy"));
  }

  @Test
  void an_accepted_toss_up_cannot_be_rejected_and_an_unknown_one_is_a_404() {
    post("rejection", accepted("fs-tanaka"), REJECT).statusCode(409);
    post("rejection", UUID.randomUUID(), REJECT).statusCode(404);
  }

  @Test
  void a_toss_up_unanswered_past_the_acceptance_sla_is_listed_overdue_until_answered() {
    UUID waiting = tossUpArrives("fs-sato");
    UUID answered = tossUpArrives("fs-sato");
    given()
        .get("/opportunities/overdue")
        .then()
        .body("opportunityId", not(hasItem(waiting.toString())));

    post("acceptance", answered, "{\"acceptedBy\": \"fs-sato\"}").statusCode(200);
    clock.advance(Duration.ofHours(49)); // the configured SLA is 48 hours

    given()
        .get("/opportunities/overdue")
        .then()
        .statusCode(200)
        .body("opportunityId", hasItem(waiting.toString()))
        .body("opportunityId", not(hasItem(answered.toString())));
    UUID fresh = tossUpArrives("fs-sato");
    given()
        .get("/opportunities/overdue")
        .then()
        .body("opportunityId", not(hasItem(fresh.toString())));
  }

  @Test
  void an_unknown_status_in_the_inbox_query_is_a_400_naming_status() {
    given()
        .get("/opportunities?status=PENDING")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("status"));
  }
}
