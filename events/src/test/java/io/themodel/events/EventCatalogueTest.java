package io.themodel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.themodel.events.feedback.FeedbackCategory;
import io.themodel.events.feedback.FeedbackGiven;
import io.themodel.events.feedback.FeedbackParty;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventCatalogueTest {

  private final EventCodec codec = new EventCodec();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void every_catalogued_type_has_a_schema_that_accepts_a_typical_event(EventType type) {
    DomainEvent event = TypicalEvents.of(type);

    assertThat(EventType.of(event)).isEqualTo(type);
    assertThat(codec.violations(type, codec.toData(event))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void every_catalogued_type_round_trips_through_envelope_write_read_and_decode_unchanged(
      EventType type) {
    DomainEvent event = TypicalEvents.of(type);

    CloudEvent read = codec.read(TypicalEvents.recordValue(type));

    assertThat(codec.decode(read)).isEqualTo(event);
    assertThat(read).isEqualTo(TypicalEvents.envelope(type, codec.toData(event)));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void the_envelope_takes_source_type_and_dataschema_from_the_catalogue(EventType type) {
    CloudEvent read = codec.read(TypicalEvents.recordValue(type));

    assertThat(read.specversion()).isEqualTo("1.0");
    Department publisher = EventType.departmentOf(TypicalEvents.of(type));
    String family =
        type.fixedDepartment().map(d -> d.name().toLowerCase(Locale.ROOT)).orElse("feedback");

    assertThat(read.source()).isEqualTo("/themodel/" + publisher.service());
    assertThat(read.type())
        .isEqualTo(type.typeName())
        .isEqualTo(
            "io.themodel."
                + family
                + "."
                + type.javaType().getSimpleName()
                + ".v"
                + type.version());
    assertThat(read.dataschema()).isEqualTo(type.dataSchema());
    assertThat(read.leadid()).isEqualTo(TypicalEvents.LEAD);
    assertThat(EventType.byTypeName(type.typeName())).contains(type);
  }

  @Test
  void feedback_types_have_no_fixed_department_and_each_event_is_published_by_its_publisher() {
    FeedbackGiven given = (FeedbackGiven) TypicalEvents.of(EventType.FEEDBACK_GIVEN);
    FeedbackGiven fromSuccess =
        new FeedbackGiven(
            given.feedbackId(),
            Department.SUCCESS,
            FeedbackParty.PRODUCT,
            null,
            TypicalEvents.ACCOUNT,
            FeedbackCategory.PRODUCT_GAP,
            "CSV export",
            "Three customers asked for it",
            "cs-watanabe");

    assertThat(EventType.FEEDBACK_GIVEN.typeName())
        .isEqualTo("io.themodel.feedback.FeedbackGiven.v1");
    assertThat(EventType.FEEDBACK_GIVEN.fixedDepartment()).isEmpty();
    assertThat(EventType.TOSSED_UP.fixedDepartment()).contains(Department.IS);
    assertThat(EventType.departmentOf(given)).isEqualTo(Department.DEAL);
    assertThat(EventType.departmentOf(fromSuccess)).isEqualTo(Department.SUCCESS);
    assertThat(EventType.departmentOf(TypicalEvents.of(EventType.TOSSED_UP)))
        .isEqualTo(Department.IS);
    assertThatThrownBy(EventType.FEEDBACK_ACKNOWLEDGED::department)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("departmentOf");
  }

  @Test
  void type_names_do_not_depend_on_the_default_locale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));

      assertThat(EventType.TOSSED_UP.typeName()).isEqualTo("io.themodel.is.TossedUp.v1");
      assertThat(EventType.byTypeName("io.themodel.is.TossedUp.v1")).contains(EventType.TOSSED_UP);
    } finally {
      Locale.setDefault(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Department.class)
  void every_department_publishes_on_its_versioned_topic_with_a_dead_letter_topic_beside_it(
      Department department) {
    String dept = department.name().toLowerCase(Locale.ROOT);

    assertThat(department.topic()).isEqualTo("themodel." + dept + ".v1");
    assertThat(department.deadLetterTopic()).isEqualTo("themodel." + dept + ".v1.dlq");
    assertThat(department.source()).isEqualTo("/themodel/" + dept + "-service");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void every_schema_file_exists_and_its_id_is_the_published_data_schema(EventType type)
      throws IOException {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("schemas/" + type.schemaFile())) {
      assertThat(in).as("schemas/%s", type.schemaFile()).isNotNull();
      JsonNode schema = new ObjectMapper().readTree(in);

      assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema());
      assertThat(schema.path("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }
  }
}
