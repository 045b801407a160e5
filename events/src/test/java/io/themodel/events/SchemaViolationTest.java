package io.themodel.events;

import static io.themodel.events.EventType.CUSTOMER_ONBOARDED;
import static io.themodel.events.EventType.DEAL_WON;
import static io.themodel.events.EventType.LEAD_CAPTURED;
import static io.themodel.events.EventType.MARKETING_QUALIFIED;
import static io.themodel.events.EventType.OPPORTUNITY_OPENED;
import static io.themodel.events.EventType.TOSSED_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Data that breaks its schema is refused by {@link EventCodec#decode}, naming what is wrong. */
class SchemaViolationTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void a_lead_captured_without_a_company_name_is_refused_naming_the_missing_field() {
    ObjectNode data = TypicalEvents.dataOf(LEAD_CAPTURED);
    data.remove("companyName");

    assertThatThrownBy(() -> decode(LEAD_CAPTURED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("io.themodel.lead.LeadCaptured.v1 fails its schema")
        .hasMessageContaining("required")
        .hasMessageContaining("companyName");
  }

  @Test
  void a_person_without_an_email_is_refused_naming_the_missing_field() {
    ObjectNode data = TypicalEvents.dataOf(LEAD_CAPTURED);
    ((ObjectNode) data.get("person")).remove("email");

    assertThatThrownBy(() -> decode(LEAD_CAPTURED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("required")
        .hasMessageContaining("email");
  }

  @Test
  void a_lead_source_outside_the_catalogue_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(LEAD_CAPTURED);
    data.put("source", "COLD_CALL");

    assertThatThrownBy(() -> decode(LEAD_CAPTURED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.source")
        .hasMessageContaining("enum");
  }

  @Test
  void feedback_to_a_party_outside_the_catalogue_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(EventType.FEEDBACK_GIVEN);
    data.put("to", "SALES");

    assertThatThrownBy(() -> decode(EventType.FEEDBACK_GIVEN, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.to")
        .hasMessageContaining("enum");
  }

  @Test
  void feedback_about_longer_than_200_characters_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(EventType.FEEDBACK_GIVEN);
    data.put("about", "x".repeat(201));

    assertThatThrownBy(() -> decode(EventType.FEEDBACK_GIVEN, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.about");
  }

  @Test
  void feedback_about_no_lead_is_read_with_a_null_lead() {
    ObjectNode data = TypicalEvents.dataOf(EventType.FEEDBACK_GIVEN);
    data.putNull("leadId");

    assertThat(decode(EventType.FEEDBACK_GIVEN, data).leadId()).isNull();
  }

  @Test
  void a_score_band_outside_the_catalogue_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(MARKETING_QUALIFIED);
    data.put("band", "mql_high");

    assertThatThrownBy(() -> decode(MARKETING_QUALIFIED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.band")
        .hasMessageContaining("enum");
  }

  @Test
  void an_opportunity_kind_outside_the_catalogue_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(OPPORTUNITY_OPENED);
    data.put("kind", "RENEWAL");

    assertThatThrownBy(() -> decode(OPPORTUNITY_OPENED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.kind")
        .hasMessageContaining("enum");
  }

  @Test
  void a_property_the_schema_does_not_know_is_refused_naming_it() {
    ObjectNode data = TypicalEvents.dataOf(TOSSED_UP);
    data.put("score", 87);

    assertThatThrownBy(() -> decode(TOSSED_UP, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("score")
        .hasMessageContaining("additional properties");
  }

  @Test
  void a_nested_property_the_schema_does_not_know_is_refused_naming_it() {
    ObjectNode data = TypicalEvents.dataOf(LEAD_CAPTURED);
    ((ObjectNode) data.get("person")).put("birthday", "1980-01-01");

    assertThatThrownBy(() -> decode(LEAD_CAPTURED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("birthday")
        .hasMessageContaining("additional properties");
  }

  @Test
  void a_malformed_lead_id_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(LEAD_CAPTURED);
    data.put("leadId", "lead-42");

    assertThatThrownBy(() -> decode(LEAD_CAPTURED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.leadId")
        .hasMessageContaining("pattern");
  }

  @Test
  void an_upper_case_uuid_is_refused_because_the_wire_format_is_lower_case() {
    ObjectNode data = TypicalEvents.dataOf(DEAL_WON);
    data.put("opportunityId", TypicalEvents.OPPORTUNITY.toString().toUpperCase());

    assertThatThrownBy(() -> decode(DEAL_WON, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.opportunityId")
        .hasMessageContaining("pattern");
  }

  @Test
  void a_negative_deal_amount_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(DEAL_WON);
    ((ObjectNode) data.get("amount")).put("amount", -1);

    assertThatThrownBy(() -> decode(DEAL_WON, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("io.themodel.deal.DealWon.v1 fails its schema")
        .hasMessageContaining("$.amount.amount")
        .hasMessageContaining("minimum");
  }

  @Test
  void a_negative_contract_value_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(CUSTOMER_ONBOARDED);
    ((ObjectNode) data.get("contractValue")).put("amount", -0.01);

    assertThatThrownBy(() -> decode(CUSTOMER_ONBOARDED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.contractValue.amount")
        .hasMessageContaining("minimum");
  }

  @Test
  void a_currency_that_is_not_an_iso_code_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(DEAL_WON);
    ((ObjectNode) data.get("amount")).put("currency", "yen");

    assertThatThrownBy(() -> decode(DEAL_WON, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.amount.currency");
  }

  @Test
  void an_empty_company_name_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(LEAD_CAPTURED);
    data.put("companyName", "");

    assertThatThrownBy(() -> decode(LEAD_CAPTURED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.companyName");
  }

  @Test
  void a_follow_up_time_with_an_offset_instead_of_utc_is_refused_naming_the_field() {
    ObjectNode data = TypicalEvents.dataOf(MARKETING_QUALIFIED);
    data.put("followUpDueAt", "2026-04-02T18:30:00+09:00");

    assertThatThrownBy(() -> decode(MARKETING_QUALIFIED, data))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("$.followUpDueAt");
  }

  private DomainEvent decode(EventType type, ObjectNode data) {
    return codec.decode(codec.read(codec.write(TypicalEvents.envelope(type, data))));
  }
}
