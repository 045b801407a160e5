package io.themodel.success.usage;

import io.themodel.events.success.UsageRecorded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides what a batch of usage records adds to what is recorded: each metric is recorded once per
 * (account, day, metric), so a re-sent record is a duplicate and a record that contradicts a
 * recorded value is rejected. Pure: the recorded metrics come in, the new ones go out.
 */
public final class UsageLedger {

  /** Metric name of a feature used: one metric per feature and day. */
  static final String FEATURE_PREFIX = "feature:";

  static final String ACTIVE_USERS = "active-users";
  static final String LOGINS = "logins";
  static final String SUPPORT_TICKETS = "support-tickets";
  static final String NPS = "nps";

  private UsageLedger() {}

  /** One record as sent: an account's usage on one day; any metric may be absent. */
  public record UsageRecord(
      UUID accountId,
      LocalDate day,
      Integer activeUsers,
      Integer logins,
      String featureUsed,
      Integer supportTickets,
      Integer npsAnswer) {}

  /** Where a metric is kept. */
  public record MetricKey(UUID accountId, LocalDate day, String metric) {}

  /** What became of one record. */
  public enum Outcome {
    ACCEPTED,
    DUPLICATE,
    REJECTED
  }

  /** The outcome of the record at {@code index} in the batch, and why it was rejected. */
  public record Report(int index, Outcome outcome, String reason) {}

  /** The batch's reports, the events to append and the metrics to record. */
  public record Decision(
      List<Report> reports, List<UsageRecorded> events, Map<MetricKey, Integer> newMetrics) {}

  /**
   * @param recorded the metrics already recorded for the batch's (account, day)s
   * @param leads the lead (journey key) of each known customer account
   * @param today no usage is recorded for a later day
   */
  public static Decision decide(
      List<UsageRecord> batch,
      Map<MetricKey, Integer> recorded,
      Map<UUID, UUID> leads,
      LocalDate today) {
    Map<MetricKey, Integer> known = new HashMap<>(recorded);
    Map<MetricKey, Integer> added = new LinkedHashMap<>();
    List<Report> reports = new ArrayList<>(batch.size());
    List<UsageRecorded> events = new ArrayList<>();
    for (int index = 0; index < batch.size(); index++) {
      UsageRecord record = batch.get(index);
      String invalid = invalid(record, leads, today);
      if (invalid != null) {
        reports.add(new Report(index, Outcome.REJECTED, invalid));
        continue;
      }
      Map<String, Integer> metrics = metrics(record);
      Map<String, Integer> fresh = new LinkedHashMap<>();
      String conflict = null;
      for (Map.Entry<String, Integer> metric : metrics.entrySet()) {
        MetricKey key = new MetricKey(record.accountId(), record.day(), metric.getKey());
        Integer before = known.get(key);
        if (before == null) {
          fresh.put(metric.getKey(), metric.getValue());
        } else if (!before.equals(metric.getValue())) {
          conflict = metric.getKey() + " is already recorded as " + before + " for that day";
          break;
        }
      }
      if (conflict != null) {
        reports.add(new Report(index, Outcome.REJECTED, conflict));
      } else if (fresh.isEmpty()) {
        reports.add(new Report(index, Outcome.DUPLICATE, null));
      } else {
        fresh.forEach(
            (metric, value) -> {
              MetricKey key = new MetricKey(record.accountId(), record.day(), metric);
              known.put(key, value);
              added.put(key, value);
            });
        reports.add(new Report(index, Outcome.ACCEPTED, null));
        events.add(recorded(record, fresh, leads.get(record.accountId())));
      }
    }
    return new Decision(reports, events, added);
  }

  private static String invalid(UsageRecord record, Map<UUID, UUID> leads, LocalDate today) {
    if (record.accountId() == null) {
      return "accountId is required";
    }
    if (record.day() == null) {
      return "day is required";
    }
    if (!leads.containsKey(record.accountId())) {
      return "no customer " + record.accountId();
    }
    if (record.day().isAfter(today)) {
      return "day " + record.day() + " is in the future";
    }
    if (negative(record.activeUsers())
        || negative(record.logins())
        || negative(record.supportTickets())) {
      return "activeUsers, logins and supportTickets must not be negative";
    }
    if (record.npsAnswer() != null && (record.npsAnswer() < 0 || record.npsAnswer() > 10)) {
      return "npsAnswer must be between 0 and 10";
    }
    if (record.featureUsed() != null
        && (record.featureUsed().isBlank() || record.featureUsed().length() > 100)) {
      return "featureUsed must be a feature name of 1 to 100 characters";
    }
    if (metrics(record).isEmpty()) {
      return "no metric in the record";
    }
    return null;
  }

  private static boolean negative(Integer value) {
    return value != null && value < 0;
  }

  private static Map<String, Integer> metrics(UsageRecord record) {
    Map<String, Integer> metrics = new LinkedHashMap<>();
    if (record.activeUsers() != null) {
      metrics.put(ACTIVE_USERS, record.activeUsers());
    }
    if (record.logins() != null) {
      metrics.put(LOGINS, record.logins());
    }
    if (record.featureUsed() != null) {
      metrics.put(FEATURE_PREFIX + record.featureUsed(), 1);
    }
    if (record.supportTickets() != null) {
      metrics.put(SUPPORT_TICKETS, record.supportTickets());
    }
    if (record.npsAnswer() != null) {
      metrics.put(NPS, record.npsAnswer());
    }
    return metrics;
  }

  private static UsageRecorded recorded(
      UsageRecord record, Map<String, Integer> fresh, UUID leadId) {
    String feature =
        fresh.keySet().stream()
            .filter(m -> m.startsWith(FEATURE_PREFIX))
            .map(m -> m.substring(FEATURE_PREFIX.length()))
            .findFirst()
            .orElse(null);
    return new UsageRecorded(
        leadId,
        record.accountId(),
        record.day(),
        fresh.get(ACTIVE_USERS),
        fresh.get(LOGINS),
        feature,
        fresh.get(SUPPORT_TICKETS),
        fresh.get(NPS));
  }
}
