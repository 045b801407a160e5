package io.themodel.kpi.funnel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.events.Money;
import io.themodel.events.Role;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.TargetSet;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import io.themodel.testing.browser.HeadlessChromium;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import io.themodel.testing.security.Tokens;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "kpi_test"))
class FunnelPageTest {

  private static final Pattern STAGE_ROW =
      Pattern.compile("<tr data-stage=\"([A-Z_]+)\" data-reached=\"(\\d+)\">");

  @TestHTTPResource("/")
  URL root;

  @Test
  void the_funnel_page_loads_draws_its_charts_and_shows_the_numbers_the_api_gives() {
    UUID leadId = UUID.randomUUID();
    TopicProbe.onSharedBroker()
        .send(
            Department.LEAD.topic(),
            leadId.toString(),
            TestEvents.cloudEvent(TestEvents.leadCaptured(leadId)));
    TopicProbe.onSharedBroker()
        .send(
            Department.LEAD.topic(),
            leadId.toString(),
            TestEvents.cloudEvent(TestEvents.marketingQualified(leadId)));
    Instant at = Instant.now().plusSeconds(3600);
    String asOf = at.toString();
    java.time.ZonedDateTime utc = at.atZone(java.time.ZoneOffset.UTC);
    String quarter = utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
    TopicProbe topics = TopicProbe.onSharedBroker();
    Money yen = new Money(new BigDecimal("1000000"), "JPY");
    topics.send(
        Department.DEAL.topic(),
        "target",
        TestEvents.cloudEvent(
            new TargetSet(quarter, null, null, yen, "vp"), UUID.randomUUID(), Instant.now()));
    topics.publish(
        new DealWon(
            leadId,
            UUID.randomUUID(),
            new Money(new BigDecimal("400000"), "JPY"),
            java.time.LocalDate.now(),
            12));
    topics.publish(
        new FeedbackGiven(
            UUID.randomUUID(),
            Department.SUCCESS,
            FeedbackParty.FIELD_SALES,
            leadId,
            null,
            FeedbackCategory.CUSTOMER_EXPECTATIONS,
            "onboarding",
            "expected a shorter set-up",
            "cs"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                        .queryParam("asOf", asOf)
                        .get("/funnel")
                        .jsonPath()
                        .getInt("stages.find { it.stage == 'MQL' }.reached")
                    > 0);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                            .queryParam("period", quarter)
                            .queryParam("asOf", asOf)
                            .get("/kgi")
                            .jsonPath()
                            .getString("total.target")
                        != null
                    && given()
                            .queryParam("asOf", asOf)
                            .get("/feedback-loop")
                            .jsonPath()
                            .getList("directions")
                            .size()
                        == 1
                    && new BigDecimal(
                                given()
                                    .queryParam("period", quarter)
                                    .queryParam("asOf", asOf)
                                    .get("/kgi")
                                    .jsonPath()
                                    .getString("total.actual"))
                            .signum()
                        > 0);
    List<Integer> api =
        given().queryParam("asOf", asOf).get("/funnel").jsonPath().getList("stages.reached");
    List<Integer> balances =
        given()
            .queryParam("asOf", asOf)
            .get("/funnel/balances")
            .jsonPath()
            .getList("balances.atEnd");

    String page = root + "?asOf=" + asOf;
    assertThat(HeadlessChromium.dom(page, Duration.ofSeconds(10)))
        .as("without a token the page shows no figures and says what it needs")
        .contains("a bearer token is needed")
        .doesNotContain("data-loaded=\"true\"");

    String dom =
        HeadlessChromium.dom(
            page + "#token=" + Tokens.token(Role.ANALYST, Duration.ofMinutes(10)),
            Duration.ofSeconds(10));

    assertThat(dom).contains("data-loaded=\"true\"");
    assertThat(dom).doesNotContain("Could not load");
    Matcher rows = STAGE_ROW.matcher(dom);
    List<Integer> shown = rows.results().map(r -> Integer.parseInt(r.group(2))).toList();
    assertThat(shown).isEqualTo(api);
    // the KGI of the quarter, the feedback loop and the balances as the API gives them
    assertThat(dom)
        .contains("data-period=\"" + quarter + "\" data-target=\"1000000\" data-actual=\"400000\"");
    assertThat(dom).contains("data-direction=\"CUSTOMER_SUCCESS:FIELD_SALES\" data-given=\"1\"");
    assertThat(
            Pattern.compile("data-at-end=\"(\\d+)\"")
                .matcher(dom)
                .results()
                .map(r -> Integer.parseInt(r.group(1)))
                .toList())
        .isEqualTo(balances);
    // ECharts drew into the funnel, recycle and KGI chart containers
    assertThat(dom.split("<canvas", -1)).hasSizeGreaterThanOrEqualTo(4);
  }
}
