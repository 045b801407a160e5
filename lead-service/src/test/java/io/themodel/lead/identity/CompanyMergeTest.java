package io.themodel.lead.identity;

import static io.themodel.lead.LeadRequests.get;
import static io.themodel.lead.LeadRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.lead.CompaniesMerged;
import io.themodel.events.lead.CompanyMatch;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.lead.LeadRequests;
import io.themodel.testing.kafka.KafkaBrokerResource;
import io.themodel.testing.kafka.TopicProbe;
import io.themodel.testing.postgres.PostgresResource;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "lead_test"))
class CompanyMergeTest {

  private static final String TOPIC = Department.LEAD.topic();
  private final TopicProbe topic = TopicProbe.onSharedBroker();
  private final EventCodec codec = new EventCodec();

  private static UUID capture(String companyName, String email) {
    return LeadRequests.capture(
        """
        {"source": "SEMINAR", "person": {"name": "山田 太郎", "email": "%s"},
         "companyName": "%s", "consent": true}
        """
            .formatted(email, companyName));
  }

  private CompanyResolved resolvedOf(UUID leadId) {
    CloudEvent event =
        topic.awaitEvent(
            TOPIC, e -> leadId.equals(e.leadid()) && e.type().contains("CompanyResolved"));
    return (CompanyResolved) codec.decode(event);
  }

  private static String merger(UUID absorbed) {
    return "{\"absorbedCompanyId\": \"%s\", \"by\": \"mkt-sato\"}".formatted(absorbed);
  }

  /** A company of its own: its id, name and email domain. */
  private record Company(UUID id, String name, String domain, UUID lead) {}

  private Company company(String prefix) {
    String name = prefix + CompanyResourceTest.uniqueName();
    String domain = UUID.randomUUID().toString().substring(0, 8) + ".example.co.jp";
    UUID lead = capture("株式会社" + name, "taro@" + domain);
    return new Company(resolvedOf(lead).companyId(), name, domain, lead);
  }

  @Test
  void the_absorbed_companys_spellings_domains_and_leads_resolve_to_the_survivor() {
    Company survivor = company("");
    Company absorbed = company("");

    post("/companies/{id}/merger", merger(absorbed.id()), survivor.id())
        .statusCode(200)
        .body("companyId", equalTo(survivor.id().toString()))
        .body(
            "keys",
            containsInAnyOrder(
                survivor.name().toLowerCase(Locale.ROOT), absorbed.name().toLowerCase(Locale.ROOT)))
        .body("domains", containsInAnyOrder(survivor.domain(), absorbed.domain()))
        .body(
            "leads.leadId",
            containsInAnyOrder(survivor.lead().toString(), absorbed.lead().toString()));

    get("/companies/{id}", absorbed.id())
        .statusCode(200)
        .body("mergedInto", equalTo(survivor.id().toString()))
        .body("keys", empty())
        .body("leads", empty());
    get("/leads/{id}", absorbed.lead()).body("companyId", equalTo(survivor.id().toString()));
    given_any_spelling_of(absorbed.name(), survivor.id());

    UUID byName = capture("(株)" + absorbed.name(), UUID.randomUUID() + "@gmail.com");
    assertThat(resolvedOf(byName).companyId()).isEqualTo(survivor.id());
    assertThat(resolvedOf(byName).match()).isEqualTo(CompanyMatch.NAME);
    UUID byDomain =
        capture("Unknown " + CompanyResourceTest.uniqueName(), "hanako@" + absorbed.domain());
    assertThat(resolvedOf(byDomain).companyId()).isEqualTo(survivor.id());
    assertThat(resolvedOf(byDomain).match()).isEqualTo(CompanyMatch.EMAIL_DOMAIN);

    CloudEvent merged =
        topic.awaitEvent(
            TOPIC,
            e ->
                e.type().contains("CompaniesMerged")
                    && e.data()
                        .path("absorbedCompanyId")
                        .asText()
                        .equals(absorbed.id().toString()));
    assertThat(merged.subject()).isEqualTo("company-" + absorbed.id());
    assertThat(((CompaniesMerged) codec.decode(merged)).companyId()).isEqualTo(survivor.id());
  }

  private static void given_any_spelling_of(String name, UUID survivor) {
    for (String query : java.util.List.of(name + " Co., Ltd.", "㈱" + name, name)) {
      io.restassured.RestAssured.given()
          .queryParam("q", query)
          .get("/companies")
          .then()
          .statusCode(200)
          .body("", hasSize(1))
          .body("[0].companyId", equalTo(survivor.toString()));
    }
  }

  @Test
  void a_company_merged_into_a_survivor_that_is_merged_later_points_to_the_last_survivor() {
    Company first = company("");
    Company second = company("");
    Company third = company("");

    post("/companies/{id}/merger", merger(first.id()), second.id()).statusCode(200);
    post("/companies/{id}/merger", merger(second.id()), third.id())
        .statusCode(200)
        .body("leads", hasSize(3));

    get("/companies/{id}", first.id()).body("mergedInto", equalTo(third.id().toString()));
  }

  @Test
  void merging_a_company_into_itself_is_a_422_naming_absorbed_company_id() {
    Company company = company("");
    post("/companies/{id}/merger", merger(company.id()), company.id())
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("absorbedCompanyId"));
  }

  @Test
  void unknown_companies_are_404s_naming_the_field() {
    Company company = company("");
    post("/companies/{id}/merger", merger(UUID.randomUUID()), company.id())
        .statusCode(404)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("absorbedCompanyId"));
    post("/companies/{id}/merger", merger(company.id()), UUID.randomUUID())
        .statusCode(404)
        .body("errors.field", hasItem("companyId"));
  }

  @Test
  void merging_an_already_merged_company_or_into_one_is_a_409_naming_the_field() {
    Company survivor = company("");
    Company absorbed = company("");
    Company other = company("");
    post("/companies/{id}/merger", merger(absorbed.id()), survivor.id()).statusCode(200);

    post("/companies/{id}/merger", merger(absorbed.id()), other.id())
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("absorbedCompanyId"))
        .body("detail", containsString(survivor.id().toString()));
    post("/companies/{id}/merger", merger(other.id()), absorbed.id())
        .statusCode(409)
        .body("errors.field", hasItem("companyId"));
  }

  @Test
  void a_merger_without_the_absorbed_company_or_the_person_is_a_400_naming_the_field() {
    Company company = company("");
    post("/companies/{id}/merger", "{\"by\": \"mkt-sato\"}", company.id())
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("absorbedCompanyId"));
    post(
            "/companies/{id}/merger",
            "{\"absorbedCompanyId\": \"%s\", \"by\": \" \"}".formatted(UUID.randomUUID()),
            company.id())
        .statusCode(400)
        .body("errors.field", hasItem("by"));
  }
}
