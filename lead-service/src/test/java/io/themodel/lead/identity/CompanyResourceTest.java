package io.themodel.lead.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.CompanyMatch;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.lead.LeadRequests;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class CompanyResourceTest {

  private static final String TOPIC = Department.LEAD.topic();
  private final TopicProbe topic = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  /** A company name no other test uses: six random capitals that never spell a legal form. */
  static String uniqueName() {
    String letters = "ABDEFGHJMNPRSTUVWXYZ";
    StringBuilder name = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      name.append(letters.charAt(random.nextInt(letters.length())));
    }
    return name.toString();
  }

  private static String fullWidth(String ascii) {
    StringBuilder wide = new StringBuilder();
    ascii.chars().forEach(c -> wide.append((char) (c + 0xFEE0)));
    return wide.toString();
  }

  private static String spaced(String name) {
    return String.join(" ", name.split(""));
  }

  private static UUID capture(String companyName, String email) {
    String body =
        """
        {"source": "SEMINAR", "campaign": "golden-master",
         "person": {"name": "山田 太郎", "email": "%s"},
         "companyName": "%s", "consent": true}
        """
            .formatted(email, companyName);
    return LeadRequests.capture(body);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private CompanyResolved resolvedOf(UUID leadId) {
    CloudEvent event =
        topic.awaitEvent(
            TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("CompanyResolved"));
    return (CompanyResolved) codec.decode(event);
  }

  @Test
  void leads_under_every_spelling_of_a_company_resolve_to_one_company_found_by_any_spelling() {
    String name = uniqueName();
    List<String> spellings =
        List.of(
            "株式会社" + name,
            "(株)" + name,
            "㈱" + name,
            fullWidth(name),
            spaced(name),
            name + "株式会社",
            name + " Co., Ltd.");
    List<UUID> leads = spellings.stream().map(s -> capture(s, unique() + "@free.example")).toList();

    List<CompanyResolved> resolved = leads.stream().map(this::resolvedOf).toList();
    String key = name.toLowerCase(Locale.ROOT);
    assertThat(resolved).extracting(CompanyResolved::normalisedKey).containsOnly(key);
    assertThat(resolved)
        .extracting(CompanyResolved::companyId)
        .containsOnly(resolved.get(0).companyId());
    assertThat(resolved.get(0).match()).isEqualTo(CompanyMatch.NEW_COMPANY);
    assertThat(resolved.subList(1, resolved.size()))
        .extracting(CompanyResolved::match)
        .containsOnly(CompanyMatch.NAME);

    for (String query : List.of(fullWidth(name), "（株）" + spaced(name), key)) {
      given()
          .queryParam("q", query)
          .get("/companies")
          .then()
          .statusCode(200)
          .body("", hasSize(1))
          .body("[0].companyId", equalTo(resolved.get(0).companyId().toString()))
          .body("[0].name", equalTo("株式会社" + name))
          .body("[0].leads", hasSize(spellings.size()));
    }
  }

  @Test
  void the_reading_table_resolves_a_katakana_spelling_to_the_latin_company() {
    UUID latin = capture("PPT商事 " + "株式会社", unique() + "@ppt-shoji.example");
    UUID reading = capture("ピー・ピー・ティー商事", unique() + "@another.example");

    CompanyResolved byName = resolvedOf(latin);
    CompanyResolved byReading = resolvedOf(reading);
    assertThat(byReading.companyId()).isEqualTo(byName.companyId());
    assertThat(byReading.normalisedKey()).isEqualTo("ppt商事");
    assertThat(byReading.match()).isEqualTo(CompanyMatch.ALIAS);
    given()
        .queryParam("q", "ﾋﾟｰﾋﾟｰﾃｨｰ商事")
        .get("/companies")
        .then()
        .statusCode(200)
        .body("[0].companyId", equalTo(byName.companyId().toString()))
        .body("[0].leads.leadId", hasItem(reading.toString()));
  }

  @Test
  void the_email_domain_resolves_a_lead_whose_name_is_not_known_yet() {
    String domain = unique() + ".example.co.jp";
    UUID first = capture("Acme Holdings " + uniqueName(), "taro@" + domain);
    UUID second = capture("アクメ" + uniqueName(), "hanako@" + domain);

    CompanyResolved firstResolved = resolvedOf(first);
    CompanyResolved secondResolved = resolvedOf(second);
    assertThat(secondResolved.match()).isEqualTo(CompanyMatch.EMAIL_DOMAIN);
    assertThat(secondResolved.companyId()).isEqualTo(firstResolved.companyId());
    JsonPath company =
        given()
            .get("/companies/{id}", firstResolved.companyId())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(company.getList("domains")).containsExactly(domain);
    assertThat(company.getList("keys"))
        .contains(firstResolved.normalisedKey(), secondResolved.normalisedKey());
    given()
        .queryParam("q", domain)
        .get("/companies")
        .then()
        .statusCode(200)
        .body("[0].companyId", equalTo(firstResolved.companyId().toString()));
  }

  @Test
  void a_free_mail_domain_is_no_signal_of_the_company() {
    UUID first = capture("Alpha " + uniqueName(), unique() + "@gmail.com");
    UUID second = capture("Beta " + uniqueName(), unique() + "@gmail.com");

    assertThat(resolvedOf(second).companyId()).isNotEqualTo(resolvedOf(first).companyId());
    assertThat(resolvedOf(second).match()).isEqualTo(CompanyMatch.NEW_COMPANY);
  }

  @Test
  void a_company_name_without_letters_or_digits_is_a_422_naming_the_field() {
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"source": "SEMINAR", "person": {"name": "X", "email": "%s@corp.example"},
             "companyName": "・・・ (株)", "consent": true}
            """
                .formatted(unique()))
        .post("/leads")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("companyName"));
  }

  @Test
  void searching_without_a_query_is_a_400_naming_q_and_an_unknown_company_is_a_404() {
    given()
        .get("/companies")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("q"));
    given()
        .get("/companies/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .queryParam("q", "株式会社" + uniqueName())
        .get("/companies")
        .then()
        .statusCode(200)
        .body("", hasSize(0));
  }
}
