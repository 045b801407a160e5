package io.themodel.lead.lifecycle;

import io.themodel.events.lead.LeadSource;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How soon Inside Sales must call an MQL, and with which priority, by lead source (an inquiry is
 * called within the hour, a list import can wait). Built from configuration, complete for every
 * source.
 */
public final class FollowUpSchedule {

  /** The follow-up of one source: due this long after qualification, priority 1 first. */
  public record FollowUp(Duration delay, int priority) {}

  private final Map<LeadSource, FollowUp> bySource;

  public FollowUpSchedule(Map<LeadSource, FollowUp> bySource) {
    for (LeadSource source : LeadSource.values()) {
      FollowUp followUp = bySource.get(source);
      if (followUp == null) {
        throw new IllegalArgumentException("no follow-up configured for source " + source);
      }
      if (followUp.delay().isNegative() || followUp.priority() < 1) {
        throw new IllegalArgumentException(
            "follow-up for " + source + " needs a delay >= 0 and a priority >= 1");
      }
    }
    this.bySource = new EnumMap<>(bySource);
  }

  public FollowUp forSource(LeadSource source) {
    return bySource.get(source);
  }
}
