package io.themodel.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON Schema of every event type's {@code data}, loaded from {@code schemas/} once. */
public final class EventSchemas {

  private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

  public EventSchemas() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    for (EventType type : EventType.values()) {
      String path = "schemas/" + type.schemaFile();
      try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("no JSON Schema for " + type.typeName() + " at " + path);
        }
        schemas.put(type, factory.getSchema(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** What is wrong with {@code data} for this type; empty when it is valid. */
  public List<String> violations(EventType type, JsonNode data) {
    return schemas.get(type).validate(data).stream().map(ValidationMessage::getMessage).toList();
  }
}
