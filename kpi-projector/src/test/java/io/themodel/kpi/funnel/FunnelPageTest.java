package io.themodel.kpi.funnel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.Department;
import io.themodel.testing.browser.HeadlessChromium;
import io.themodel.testing.events.TestEvents;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
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
    String asOf = Instant.now().plusSeconds(3600).toString();
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
    List<Integer> api =
        given().queryParam("asOf", asOf).get("/funnel").jsonPath().getList("stages.reached");

    String dom = HeadlessChromium.dom(root + "?asOf=" + asOf, Duration.ofSeconds(10));

    assertThat(dom).contains("data-loaded=\"true\"");
    assertThat(dom).doesNotContain("Could not load");
    Matcher rows = STAGE_ROW.matcher(dom);
    List<Integer> shown = rows.results().map(r -> Integer.parseInt(r.group(2))).toList();
    assertThat(shown).isEqualTo(api);
    // ECharts drew into both chart containers
    assertThat(dom.split("<canvas", -1)).hasSizeGreaterThanOrEqualTo(3);
  }
}
