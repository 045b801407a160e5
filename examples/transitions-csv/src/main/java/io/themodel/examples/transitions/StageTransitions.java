package io.themodel.examples.transitions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the departments' stage-change events into transitions of each lead from one stage to the
 * next. The events of one lead arrive on four topics, so their order across topics is not the order
 * they happened in: transitions are built by event time, per lead.
 */
public final class StageTransitions {

  /** One stage change of one lead, as read from a topic. */
  public record StageChange(
      String leadId, String stage, Instant occurredAt, String eventType, String eventId) {}

  /** A lead moving from one stage ({@code null} for its first) to the next. */
  public record Transition(
      String leadId,
      String fromStage,
      String toStage,
      Instant occurredAt,
      Duration timeInFromStage,
      String eventType,
      String eventId) {}

  private final List<StageChange> changes = new ArrayList<>();

  /**
   * The stage an event moves its lead to, from its CloudEvents {@code type} (e.g. {@code
   * io.themodel.deal.DealWon.v1}) and data; empty for events that change no stage.
   */
  public static Optional<String> stageOf(String cloudEventType, JsonNode data) {
    String[] parts = cloudEventType.split("\\.");
    String name = parts.length >= 2 ? parts[parts.length - 2] : cloudEventType;
    return Optional.ofNullable(
        switch (name) {
          case "LeadCaptured" -> "CAPTURED";
          case "MarketingQualified" -> "MQL";
          case "LeadRecycled" -> "RECYCLED_" + data.path("kind").asText("UNKNOWN");
          case "LeadExcluded" -> "EXCLUDED";
          case "LeadReincluded" -> "NURTURING";
          case "TossedUp" -> "TOSSED_UP";
          case "Disqualified" -> "DISQUALIFIED";
          case "TossUpAccepted" -> "VALID_OPPORTUNITY";
          case "TossUpRejected" -> "TOSS_UP_REJECTED";
          case "DealWon" -> "WON";
          case "DealLost" -> "LOST";
          case "CustomerOnboarded" -> "ONBOARDED";
          case "Renewed" -> "RENEWED";
          case "ExpansionIdentified" -> "EXPANSION";
          case "Churned" -> "CHURNED";
          default -> null;
        });
  }

  /** Adds one CloudEvent (the record value parsed as JSON) if it changes its lead's stage. */
  public void add(JsonNode cloudEvent) {
    String leadId = cloudEvent.path("leadid").asText(null);
    if (leadId == null) {
      return;
    }
    String type = cloudEvent.path("type").asText("");
    stageOf(type, cloudEvent.path("data"))
        .ifPresent(
            stage ->
                changes.add(
                    new StageChange(
                        leadId,
                        stage,
                        Instant.parse(cloudEvent.path("time").asText()),
                        type,
                        cloudEvent.path("id").asText())));
  }

  /** Every transition so far, by lead and then time; a re-delivered event counts once. */
  public List<Transition> transitions() {
    Map<String, StageChange> unique = new HashMap<>();
    changes.forEach(change -> unique.putIfAbsent(change.eventId(), change));
    List<StageChange> ordered =
        unique.values().stream()
            .sorted(
                Comparator.comparing(StageChange::leadId)
                    .thenComparing(StageChange::occurredAt)
                    .thenComparing(StageChange::eventId))
            .toList();
    List<Transition> transitions = new ArrayList<>();
    StageChange previous = null;
    for (StageChange change : ordered) {
      boolean sameLead = previous != null && previous.leadId().equals(change.leadId());
      transitions.add(
          new Transition(
              change.leadId(),
              sameLead ? previous.stage() : null,
              change.stage(),
              change.occurredAt(),
              sameLead ? Duration.between(previous.occurredAt(), change.occurredAt()) : null,
              change.eventType(),
              change.eventId()));
      previous = change;
    }
    return transitions;
  }
}
