package io.themodel.deal.expansion;

import static io.restassured.RestAssured.given;
import static io.themodel.deal.support.DealApi.awaitOpportunity;
import static io.themodel.deal.support.DealApi.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.deal.support.DealApi;
import io.themodel.events.Department;
import io.themodel.events.Money;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.postgres.PostgresResource;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "deal_test"))
class ExpansionIntakeTest {

  @Test
  void an_expansion_from_customer_success_becomes_a_valid_upsell_deal_in_stage_e_once() {
    UUID leadId = UUID.randomUUID();
    ExpansionIdentified expansion =
        new ExpansionIdentified(
            leadId,
            UUID.randomUUID(),
            UUID.randomUUID(),
            OpportunityKind.UPSELL,
            new Money(new BigDecimal("3000000"), "JPY"),
            "30 more seats in Osaka");
    String topic = Department.SUCCESS.topic();
    // Customer Success publishes it, and (at-least-once) a second time with another event id.
    DealApi.topics().send(topic, leadId.toString(), TestEvents.cloudEvent(expansion));
    DealApi.topics().send(topic, leadId.toString(), TestEvents.cloudEvent(expansion));

    awaitOpportunity(expansion.expansionId(), "VALID");
    given()
        .config(DealApi.DECIMALS)
        .get("/opportunities/{id}", expansion.expansionId())
        .then()
        .body("kind", equalTo("UPSELL"))
        .body("leadId", equalTo(leadId.toString()))
        .body("stage", equalTo("E"))
        .body("amount", comparesEqualTo(new BigDecimal("3000000")))
        .body("assignedRep", equalTo("fs-account-team"));

    DealStageChanged inE = published("DealStageChanged", expansion.expansionId());
    assertThat(inE.to()).isEqualTo(DealStage.FIRST_PROPOSAL);
    assertThat(inE.amount().amount()).isEqualByComparingTo("3000000");
    assertThat(DealApi.topics().typesOf(DealApi.DEAL_TOPIC, leadId))
        .containsExactly(
            "io.themodel.deal.OpportunityOpened.v1", "io.themodel.deal.DealStageChanged.v1");
  }
}
