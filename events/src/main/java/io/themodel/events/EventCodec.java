package io.themodel.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns events into CloudEvents JSON and back, checking the envelope and the data's schema on the
 * way in. One wire format for every producer and consumer.
 */
public final class EventCodec {

  // Money must come back exactly as it was sent: decimals are read as BigDecimal, never double,
  // and keep their scale (48000.50 stays 48000.50).
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(
              new SimpleModule("utc-instants")
                  .addDeserializer(Instant.class, new UtcInstantDeserializer())
                  .addSerializer(Instant.class, new UtcInstantSerializer()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  private final EventSchemas schemas = new EventSchemas();

  /**
   * The envelope of an event of this type published by this department ({@link
   * EventType#departmentOf(DomainEvent)}): {@code source} is the department's service; {@code
   * type}, {@code dataschema} and content type come from the catalogue, the rest from the store.
   */
  public CloudEvent envelope(
      Department publishedBy,
      EventType type,
      UUID eventId,
      String subject,
      Instant occurredAt,
      UUID correlationId,
      UUID causationId,
      UUID leadId,
      UUID accountId,
      JsonNode data) {
    return new CloudEvent(
        CloudEvent.SPEC_VERSION,
        eventId,
        publishedBy.source(),
        type.typeName(),
        subject,
        occurredAt,
        "application/json",
        type.dataSchema(),
        correlationId,
        causationId,
        leadId,
        accountId,
        data);
  }

  public JsonNode toData(DomainEvent event) {
    return json.valueToTree(event);
  }

  public DomainEvent fromData(EventType type, JsonNode data) {
    try {
      return json.treeToValue(data, type.javaType());
    } catch (JsonProcessingException e) {
      throw new UnreadableEvent(
          "data does not match " + type.typeName() + ": " + withoutContent(e));
    }
  }

  public JsonNode parseData(String data) {
    try {
      return json.readTree(data);
    } catch (JsonProcessingException e) {
      throw new UnreadableEvent("stored data is not JSON", e);
    }
  }

  public String write(CloudEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.type(), e);
    }
  }

  public String writeData(DomainEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
    }
  }

  /** Reads a record value as a CloudEvent of the catalogue, or says why it cannot be read. */
  public CloudEvent read(String value) {
    if (value == null) {
      throw new UnreadableEvent("record has no value");
    }
    CloudEvent event;
    try {
      event = json.readValue(value, CloudEvent.class);
    } catch (JsonProcessingException e) {
      throw new UnreadableEvent("not CloudEvents JSON: " + withoutContent(e));
    }
    require(CloudEvent.SPEC_VERSION.equals(event.specversion()), "specversion must be 1.0");
    require(event.id() != null, "id is missing");
    require(event.source() != null, "source is missing");
    require(event.type() != null, "type is missing");
    require(event.time() != null, "time is missing");
    require(event.data() != null && event.data().isObject(), "data must be an object");
    return event;
  }

  /** The typed event inside a CloudEvent, after checking the type and the data's schema. */
  public DomainEvent decode(CloudEvent event) {
    EventType type =
        EventType.byTypeName(event.type())
            .orElseThrow(() -> new UnreadableEvent("unknown event type " + event.type()));
    List<String> violations = schemas.violations(type, event.data());
    if (!violations.isEmpty()) {
      throw new UnreadableEvent(type.typeName() + " fails its schema: " + violations);
    }
    return fromData(type, event.data());
  }

  public List<String> violations(EventType type, JsonNode data) {
    return schemas.violations(type, data);
  }

  /**
   * What is wrong with a record's JSON, where, and in which field, without quoting the record: its
   * content may hold a person's name, email or phone, and this reason is logged and kept in the
   * dead-letter record's headers. (Jackson's own messages quote the offending token.)
   */
  private static String withoutContent(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() != null
                          ? reference.getFieldName()
                          : "[" + reference.getIndex() + "]")
              .collect(Collectors.joining("."));
      return "field " + field + " cannot be read as its type" + where;
    }
    return "malformed JSON" + where;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new UnreadableEvent("invalid CloudEvent: " + message);
    }
  }
}
