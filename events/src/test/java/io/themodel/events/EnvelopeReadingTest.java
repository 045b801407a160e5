package io.themodel.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EventCodec#read} refuses a record value that is not a CloudEvents 1.0 envelope. */
class EnvelopeReadingTest {

  private final EventCodec codec = new EventCodec();
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"id\":", "<event/>"})
  void a_value_that_is_not_json_is_refused(String value) {
    assertThatThrownBy(() -> codec.read(value))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("not CloudEvents JSON");
  }

  @Test
  void a_record_without_a_value_is_refused() {
    assertThatThrownBy(() -> codec.read(null))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("no value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "type", "time", "source"})
  void an_envelope_missing_a_required_attribute_is_refused_naming_it(String attribute)
      throws Exception {
    ObjectNode envelope = typicalEnvelope();
    envelope.remove(attribute);

    assertThatThrownBy(() -> codec.read(json.writeValueAsString(envelope)))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessage("invalid CloudEvent: " + attribute + " is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.3", "1.1", "2.0", ""})
  void an_envelope_of_another_cloudevents_version_is_refused(String specversion) throws Exception {
    ObjectNode envelope = typicalEnvelope();
    envelope.put("specversion", specversion);

    assertThatThrownBy(() -> codec.read(json.writeValueAsString(envelope)))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("specversion must be 1.0");
  }

  @Test
  void an_envelope_without_a_specversion_is_refused() throws Exception {
    ObjectNode envelope = typicalEnvelope();
    envelope.remove("specversion");

    assertThatThrownBy(() -> codec.read(json.writeValueAsString(envelope)))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("specversion must be 1.0");
  }

  @Test
  void an_envelope_whose_id_is_not_a_uuid_is_refused() throws Exception {
    ObjectNode envelope = typicalEnvelope();
    envelope.put("id", "event-1");

    assertThatThrownBy(() -> codec.read(json.writeValueAsString(envelope)))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("not CloudEvents JSON");
  }

  @Test
  void an_envelope_whose_data_is_not_an_object_is_refused() throws Exception {
    ObjectNode envelope = typicalEnvelope();
    envelope.put("data", "{\"leadId\":\"x\"}");

    assertThatThrownBy(() -> codec.read(json.writeValueAsString(envelope)))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessageContaining("data must be an object");
  }

  @Test
  void an_event_type_outside_the_catalogue_is_refused_naming_the_type() throws Exception {
    ObjectNode envelope = typicalEnvelope();
    envelope.put("type", "io.themodel.lead.LeadCaptured.v9");
    CloudEvent read = codec.read(json.writeValueAsString(envelope));

    assertThatThrownBy(() -> codec.decode(read))
        .isInstanceOf(UnreadableEvent.class)
        .hasMessage("unknown event type io.themodel.lead.LeadCaptured.v9");
  }

  private ObjectNode typicalEnvelope() throws Exception {
    return (ObjectNode) json.readTree(TypicalEvents.recordValue(EventType.LEAD_CAPTURED));
  }
}
