package io.themodel.success.expansion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.Money;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.success.AdvocateMarked;
import io.themodel.events.success.ContractExpanded;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.events.success.ReferralMade;
import io.themodel.success.WonDeals;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "success_test"))
class ExpansionTest {

  private static final String REFERRAL =
      "{\"companyName\":\"ピー・ピー・ティー商事\",\"person\":{\"name\":\"佐藤 花子\","
          + "\"email\":\"hanako.sato@example.jp\",\"title\":\"情報システム部\"}}";

  private final TopicProbe topics = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private static ValidatableResponse post(String path, UUID accountId, String body) {
    return given().contentType("application/json").body(body).post(path, accountId).then();
  }

  private long published(EventType type, UUID accountId) {
    return topics.events(Department.SUCCESS.topic()).stream()
        .filter(e -> accountId.equals(e.accountid()) && e.type().equals(type.typeName()))
        .count();
  }

  @Test
  void an_expansion_is_published_for_field_sales_once_per_idempotency_key() {
    UUID accountId = WonDeals.customer(topics);
    String body =
        "{\"kind\":\"UPSELL\",\"amount\":300000,\"currency\":\"JPY\",\"note\":\"30 seats in Osaka\"}";

    String expansionId =
        given()
            .contentType("application/json")
            .header("Idempotency-Key", "osaka-seats")
            .body(body)
            .post("/customers/{id}/expansions", accountId)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType("application/json")
        .header("Idempotency-Key", "osaka-seats")
        .body(body)
        .post("/customers/{id}/expansions", accountId)
        .then()
        .statusCode(201)
        .body("id", equalTo(expansionId));

    CloudEvent event =
        topics.awaitEvent(
            Department.SUCCESS.topic(),
            e ->
                e.type().equals(EventType.EXPANSION_IDENTIFIED.typeName())
                    && accountId.equals(e.accountid()));
    ExpansionIdentified expansion = (ExpansionIdentified) codec.decode(event);
    assertThat(expansion.expansionId()).hasToString(expansionId);
    assertThat(expansion.kind()).isEqualTo(OpportunityKind.UPSELL);
    assertThat(expansion.estimatedValue().amount()).isEqualByComparingTo(new BigDecimal("300000"));
    assertThat(published(EventType.EXPANSION_IDENTIFIED, accountId)).isEqualTo(1);
  }

  @Test
  void an_expansion_as_new_business_is_a_422_and_an_unknown_kind_a_400() {
    UUID accountId = WonDeals.customer(topics);
    post(
            "/customers/{id}/expansions",
            accountId,
            "{\"kind\":\"NEW_BUSINESS\",\"amount\":1,\"currency\":\"JPY\"}")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("kind"));
    post(
            "/customers/{id}/expansions",
            accountId,
            "{\"kind\":\"MEGA_DEAL\",\"amount\":1,\"currency\":\"JPY\"}")
        .statusCode(400)
        .body("errors[0].field", equalTo("kind"));
    post("/customers/{id}/expansions", accountId, "{\"currency\":\"JPY\"}")
        .statusCode(400)
        .body("errors.field", hasItems("kind", "amount"));
    post(
            "/customers/{id}/expansions",
            UUID.randomUUID(),
            "{\"kind\":\"UPSELL\",\"amount\":1,\"currency\":\"JPY\"}")
        .statusCode(404);
  }

  @Test
  void a_won_expansion_grows_the_same_account_and_opens_no_second_one() {
    UUID accountId = WonDeals.customer(topics);
    UUID leadId = UUID.fromString(given().get("/customers/{id}", accountId).path("leadId"));
    UUID expansionId =
        UUID.fromString(
            post(
                    "/customers/{id}/expansions",
                    accountId,
                    "{\"kind\":\"CROSS_SELL\",\"amount\":300000,\"currency\":\"JPY\"}")
                .statusCode(201)
                .extract()
                .path("id"));

    // Field Sales opened the expansion as an opportunity (its id) and won it.
    topics.publish(
        new DealWon(
            leadId,
            expansionId,
            new Money(new BigDecimal("350000"), "JPY"),
            LocalDate.parse("2026-08-01"),
            12));

    CloudEvent event =
        topics.awaitEvent(
            Department.SUCCESS.topic(),
            e ->
                e.type().equals(EventType.CONTRACT_EXPANDED.typeName())
                    && accountId.equals(e.accountid()));
    assertThat(codec.violations(EventType.CONTRACT_EXPANDED, event.data())).isEmpty();
    ContractExpanded expanded = (ContractExpanded) codec.decode(event);
    assertThat(expanded.expansionId()).isEqualTo(expansionId);
    assertThat(expanded.value().amount()).isEqualByComparingTo("350000");
    assertThat(expanded.contractValue().amount()).isEqualByComparingTo("1550000");
    given()
        .queryParam("leadId", leadId)
        .get("/customers")
        .then()
        .statusCode(200)
        .body("accountId", contains(accountId.toString()));
    given()
        .get("/customers/{id}", accountId)
        .then()
        .statusCode(200)
        .body("contractValue", equalTo(1550000.0f))
        .body("expansionValue", equalTo(350000.0f))
        .body("expandedAt", notNullValue())
        .body("opportunityId", not(equalTo(expansionId.toString())));
    given()
        .get("/customers/{id}/timeline", accountId)
        .then()
        .body("type", hasItems("ExpansionIdentified", "ContractExpanded"));
    assertThat(
            topics.events(Department.SUCCESS.topic()).stream()
                .filter(
                    e ->
                        e.type().equals(EventType.CUSTOMER_ACCOUNT_OPENED.typeName())
                            && leadId.equals(e.leadid())))
        .hasSize(1);
  }

  @Test
  void an_expansion_in_another_currency_than_the_contracts_is_a_422_naming_currency() {
    UUID accountId = WonDeals.customer(topics);
    post(
            "/customers/{id}/expansions",
            accountId,
            "{\"kind\":\"UPSELL\",\"amount\":1000,\"currency\":\"EUR\"}")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("currency"));
  }

  @Test
  void a_referral_is_published_for_marketing_with_the_referred_company_and_person() {
    UUID accountId = WonDeals.customer(topics);
    String referralId =
        post("/customers/{id}/referrals", accountId, REFERRAL).statusCode(201).extract().path("id");

    CloudEvent event =
        topics.awaitEvent(
            Department.SUCCESS.topic(),
            e ->
                e.type().equals(EventType.REFERRAL_MADE.typeName())
                    && accountId.equals(e.accountid()));
    ReferralMade referral = (ReferralMade) codec.decode(event);
    assertThat(referral.referralId()).hasToString(referralId);
    assertThat(referral.companyName()).isEqualTo("ピー・ピー・ティー商事");
    assertThat(referral.person().email()).isEqualTo("hanako.sato@example.jp");
    assertThat(referral.person().phone()).isNull();
  }

  @Test
  void a_referral_without_the_persons_email_is_a_400_naming_it() {
    UUID accountId = WonDeals.customer(topics);
    post(
            "/customers/{id}/referrals",
            accountId,
            "{\"companyName\":\"PPT\",\"person\":{\"name\":\"佐藤\",\"email\":\"not-an-email\"}}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("person.email"));
    post("/customers/{id}/referrals", accountId, "{\"companyName\":\"PPT\"}")
        .statusCode(400)
        .body("errors.field", hasItem("person"));
    post("/customers/{id}/referrals", UUID.randomUUID(), REFERRAL).statusCode(404);
  }

  @Test
  void an_advocate_is_marked_once_and_listed_among_advocates() {
    UUID accountId = WonDeals.customer(topics);
    String body = "{\"markedBy\":\"cs-ito\",\"note\":\"speaks at the user conference\"}";
    post("/customers/{id}/advocacy", accountId, body)
        .statusCode(200)
        .body("advocate", equalTo(true));
    post("/customers/{id}/advocacy", accountId, body).statusCode(200);

    AdvocateMarked marked =
        (AdvocateMarked)
            codec.decode(
                topics.awaitEvent(
                    Department.SUCCESS.topic(),
                    e ->
                        e.type().equals(EventType.ADVOCATE_MARKED.typeName())
                            && accountId.equals(e.accountid())));
    assertThat(marked.markedBy()).isEqualTo("cs-ito");
    assertThat(published(EventType.ADVOCATE_MARKED, accountId)).isEqualTo(1);
    given()
        .queryParam("advocate", true)
        .get("/customers")
        .then()
        .body("accountId", hasItem(accountId.toString()));
    given()
        .queryParam("advocate", false)
        .get("/customers")
        .then()
        .body("accountId", not(hasItem(accountId.toString())));
    given()
        .get("/customers/{id}/timeline", accountId)
        .then()
        .body("type", hasItem("AdvocateMarked"));
    post("/customers/{id}/advocacy", accountId, "{\"note\":\"\"}")
        .statusCode(400)
        .body("errors.field", hasItems("markedBy", "note"));
  }

  @Test
  void a_churned_customer_cannot_be_expanded_or_marked_an_advocate() {
    UUID accountId = WonDeals.customer(topics);
    post("/customers/{id}/churn", accountId, "{\"reason\":\"budget cut\"}").statusCode(200);
    post(
            "/customers/{id}/expansions",
            accountId,
            "{\"kind\":\"UPSELL\",\"amount\":1,\"currency\":\"JPY\"}")
        .statusCode(409)
        .contentType("application/problem+json");
    post("/customers/{id}/advocacy", accountId, "{\"markedBy\":\"cs-ito\"}").statusCode(409);
  }

  @Test
  void a_churned_customer_makes_no_referral_and_an_unknown_one_is_no_advocate() {
    UUID accountId = WonDeals.customer(topics);
    post("/customers/{id}/churn", accountId, "{\"reason\":\"budget cut\"}").statusCode(200);
    post("/customers/{id}/referrals", accountId, REFERRAL)
        .statusCode(409)
        .contentType("application/problem+json");
    post("/customers/{id}/advocacy", UUID.randomUUID(), "{\"markedBy\":\"cs-ito\"}")
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
