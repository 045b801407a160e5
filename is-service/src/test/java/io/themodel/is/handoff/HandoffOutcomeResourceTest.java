package io.themodel.is.handoff;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.events.DomainEvent;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "is_test"))
class HandoffOutcomeResourceTest {

  private final TopicProbe topics = TopicProbe.onSharedBroker();

  private void fieldSales(DomainEvent event) {
    topics.send(Department.DEAL.topic(), event.leadId().toString(), TestEvents.cloudEvent(event));
  }

  private static OpportunityOpened opened(UUID lead, UUID opportunity, String rep) {
    return new OpportunityOpened(
        lead, opportunity, OpportunityKind.NEW_BUSINESS, rep, "Budget approved for Q3");
  }

  @Test
  void field_sales_answers_show_per_rep_as_valid_opportunities_rejections_and_open_deals() {
    String rep = "fs-" + UUID.randomUUID();
    UUID accepted = UUID.randomUUID();
    UUID rejected = UUID.randomUUID();
    UUID lost = UUID.randomUUID();
    UUID awaiting = UUID.randomUUID();
    UUID leadA = UUID.randomUUID();
    UUID leadB = UUID.randomUUID();
    UUID leadC = UUID.randomUUID();
    UUID leadD = UUID.randomUUID();
    fieldSales(opened(leadA, accepted, rep));
    fieldSales(new TossUpAccepted(leadA, accepted, rep));
    fieldSales(opened(leadB, rejected, rep));
    TossUpRejected rejection =
        new TossUpRejected(leadB, rejected, "NO_DECISION_MAKER", "Met IT staff, not the CIO", rep);
    String record = TestEvents.cloudEvent(rejection, UUID.randomUUID(), Instant.now());
    topics.send(Department.DEAL.topic(), leadB.toString(), record);
    topics.send(Department.DEAL.topic(), leadB.toString(), record); // delivered twice
    fieldSales(opened(leadC, lost, rep));
    fieldSales(new TossUpAccepted(leadC, lost, rep));
    fieldSales(new DealLost(leadC, lost, "PRICE", "Competitor KK", "lost on price"));
    fieldSales(opened(leadD, awaiting, rep));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                given()
                    .queryParam("rep", rep)
                    .get("/toss-up-outcomes")
                    .then()
                    .statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].tossUps", equalTo(4))
                    .body("[0].awaiting", equalTo(1))
                    .body("[0].lost", equalTo(1)));
    given()
        .queryParam("rep", rep)
        .get("/toss-up-outcomes")
        .then()
        .body("[0].fieldRep", equalTo(rep))
        .body("[0].validOpportunities", equalTo(2))
        .body("[0].rejected", equalTo(1))
        .body("[0].openDeals", equalTo(2))
        .body("[0].validRate", equalTo(2f / 3))
        .body("[0].rejectionReasons.NO_DECISION_MAKER", equalTo(1))
        .body("[0].rejections.opportunityId", contains(rejected.toString()))
        .body("[0].rejections[0].handoffGap", equalTo("Met IT staff, not the CIO"));
  }

  @Test
  void a_rep_without_toss_ups_has_no_outcomes() {
    given()
        .queryParam("rep", "fs-nobody")
        .get("/toss-up-outcomes")
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }
}
