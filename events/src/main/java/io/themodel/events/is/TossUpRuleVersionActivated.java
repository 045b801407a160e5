package io.themodel.events.is;

import java.util.UUID;

/** This toss-up rule version now decides toss-ups; the one active before it stops deciding. */
public record TossUpRuleVersionActivated(String version, String activatedBy) implements IsEvent {

  @Override
  public UUID leadId() {
    return null;
  }
}
