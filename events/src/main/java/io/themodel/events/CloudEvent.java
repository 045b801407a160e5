package io.themodel.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The CloudEvents 1.0 envelope in structured mode ({@code application/cloudevents+json}): the value
 * of every record on a {@code themodel.*} topic.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
    String specversion,
    UUID id,
    String source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    String dataschema,
    UUID correlationid,
    UUID causationid,
    UUID leadid,
    UUID accountid,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/cloudevents+json";
}
