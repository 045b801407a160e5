package io.themodel.events;

/**
 * A producing department: the service that owns its events and the topic they are published on.
 * Declared in journey order, Marketing first.
 */
public enum Department {
  LEAD("lead-service", "themodel.lead.v1"),
  IS("is-service", "themodel.is.v1"),
  DEAL("deal-service", "themodel.deal.v1"),
  SUCCESS("success-service", "themodel.success.v1");

  private final String service;
  private final String topic;

  Department(String service, String topic) {
    this.service = service;
    this.topic = topic;
  }

  public String service() {
    return service;
  }

  /** The CloudEvents {@code source} attribute of this department's events. */
  public String source() {
    return "/themodel/" + service;
  }

  public String topic() {
    return topic;
  }

  /** Where records of this topic that cannot be read go, with the error in their headers. */
  public String deadLetterTopic() {
    return topic + ".dlq";
  }
}
