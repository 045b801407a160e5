package io.themodel.deal.stage;

import static io.themodel.deal.support.DealApi.accepted;
import static io.themodel.deal.support.DealApi.post;
import static io.themodel.deal.support.DealApi.published;
import static io.themodel.deal.support.DealApi.tossUpArrives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.deal.support.DealApi;
import io.themodel.events.CloudEvent;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.ExitCondition;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "deal_test"))
class DealStagesTest {

  private static String stage(String stage, String checks) {
    return """
        {"stage": "%s", "amount": 5000000, "currency": "JPY", "expectedCloseDate": "2026-06-30",
         "checks": [%s], "changedBy": "fs-tanaka"}
        """
        .formatted(stage, checks);
  }

  @Test
  void a_deal_moves_through_e_and_1_forwards_then_back_and_each_move_is_published() {
    UUID opportunityId = accepted("fs-tanaka");
    post("stage", opportunityId, stage("E", ""))
        .statusCode(200)
        .body("stage", equalTo("E"))
        .body("probability", equalTo(20))
        .body("expectedCloseDate", equalTo("2026-06-30"));
    post("stage", opportunityId, stage("1", "\"BANT\""))
        .statusCode(200)
        .body("stage", equalTo("1"))
        .body("probability", equalTo(50));
    post("stage", opportunityId, stage("E", "")).statusCode(200).body("stage", equalTo("E"));

    List<CloudEvent> stages =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    DealApi.topics().events(DealApi.DEAL_TOPIC).stream()
                        .filter(e -> opportunityId.toString().equals(e.subject()))
                        .filter(e -> e.type().contains("DealStageChanged"))
                        .toList(),
                list -> list.size() == 3);
    DealStageChanged first = published("DealStageChanged", opportunityId);
    assertThat(first.from()).isNull();
    assertThat(first.to()).isEqualTo(DealStage.FIRST_PROPOSAL);
    assertThat(first.amount().amount()).isEqualByComparingTo("5000000");
    assertThat(stages.get(1).data().get("to").asText()).isEqualTo("1");
    assertThat(stages.get(1).data().get("checks").get(0).asText())
        .isEqualTo(ExitCondition.BANT.name());
    assertThat(stages.get(2).data().get("from").asText()).isEqualTo("1");
  }

  @Test
  void skipping_to_closing_without_a_presented_quote_is_a_422_naming_checks() {
    UUID opportunityId = accepted("fs-tanaka");
    post("stage", opportunityId, stage("2", "\"BANT\""))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("checks"));
    post("stage", opportunityId, stage("2", "\"BANT\", \"QUOTE_PRESENTED\""))
        .statusCode(200)
        .body("stage", equalTo("2"))
        .body("probability", equalTo(80));
  }

  @Test
  void an_unknown_stage_or_check_and_a_missing_amount_are_400s_naming_the_field() {
    UUID opportunityId = accepted("fs-tanaka");
    post("stage", opportunityId, stage("7", ""))
        .statusCode(400)
        .body("errors.field", hasItem("stage"));
    post("stage", opportunityId, stage("E", "\"HUNCH\""))
        .statusCode(400)
        .body("errors.field", hasItem("checks[0]"));
    post("stage", opportunityId, stage("E", "").replace("\"amount\": 5000000,", ""))
        .statusCode(400)
        .body("errors.field", hasItem("amount"));
  }

  @Test
  void a_toss_up_not_yet_accepted_has_no_stage() {
    post("stage", tossUpArrives("fs-tanaka"), stage("E", "")).statusCode(409);
    post("stage", UUID.randomUUID(), stage("E", "")).statusCode(404);
  }

  @Test
  void a_lost_deal_is_published_with_what_marketing_needs_for_recycle_b() {
    UUID opportunityId = accepted("fs-tanaka");
    post(
            "lost",
            opportunityId,
            "{\"reason\": \"COMPETITOR\", \"competitor\": \"Competitor KK\","
                + " \"note\": \"cheaper by 20%\"}")
        .statusCode(200)
        .body("status", equalTo("LOST"))
        .body("lossReason", equalTo("COMPETITOR"))
        .body("competitor", equalTo("Competitor KK"));

    DealLost lost = published("DealLost", opportunityId);
    assertThat(lost.leadId()).isNotNull();
    assertThat(lost.opportunityId()).isEqualTo(opportunityId);
    assertThat(lost.reason()).isEqualTo("COMPETITOR");
    assertThat(lost.competitor()).isEqualTo("Competitor KK");
    assertThat(lost.note()).isEqualTo("cheaper by 20%");

    post("lost", opportunityId, "{\"reason\": \"PRICE\"}").statusCode(409);
    post(
            "won",
            opportunityId,
            "{\"amount\": 1, \"currency\": \"JPY\", \"contractStart\": \"2026-05-01\","
                + " \"termMonths\": 12}")
        .statusCode(409);
  }

  @Test
  void a_loss_reason_outside_the_configured_list_is_a_422_and_a_missing_one_a_400() {
    UUID opportunityId = accepted("fs-tanaka");
    post("lost", opportunityId, "{\"reason\": \"ASTROLOGY\"}")
        .statusCode(422)
        .body("errors.field", hasItem("reason"));
    post("lost", opportunityId, "{\"note\": \"x\"}")
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
    post("lost", tossUpArrives("fs-tanaka"), "{\"reason\": \"PRICE\"}").statusCode(409);
  }
}
