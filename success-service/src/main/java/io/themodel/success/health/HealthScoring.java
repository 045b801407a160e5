package io.themodel.success.health;

import io.themodel.events.success.ChurnRiskDetected;
import io.themodel.events.success.ChurnRiskRecovered;
import io.themodel.events.success.ChurnSignal;
import io.themodel.events.success.HealthBand;
import io.themodel.events.success.HealthScored;
import io.themodel.events.success.SuccessEvent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Scores one customer's health on a day from its daily usage, and decides which events that scoring
 * publishes: always HealthScored; ChurnRiskDetected when the signals that fire change and some do;
 * ChurnRiskRecovered when a customer at risk fires none. Pure: no clock, no database.
 */
public final class HealthScoring {

  private HealthScoring() {}

  /** One day's usage of an account; a metric not reported is null. */
  public record DayUsage(
      Integer activeUsers, Integer logins, Integer supportTickets, Integer nps) {}

  /** What is known about the account besides its usage. */
  public record Account(
      UUID leadId,
      UUID accountId,
      LocalDate openedOn,
      LocalDate contractEnd,
      List<ChurnSignal> riskSignals) {

    boolean atRisk() {
      return !riskSignals.isEmpty();
    }
  }

  /** The score, its band, its components and the signals that fired. */
  public record Assessment(
      int score, HealthBand band, HealthScored.Components components, List<ChurnSignal> signals) {}

  public static Assessment assess(
      HealthPolicy policy, Account account, Map<LocalDate, DayUsage> usage, LocalDate day) {
    LocalDate windowStart = day.minusDays(policy.windowDays() - 1L);
    LocalDate priorStart = windowStart.minusDays(policy.windowDays());
    OptionalDouble current = averageActiveUsers(usage, windowStart, day);
    OptionalDouble prior = averageActiveUsers(usage, priorStart, windowStart.minusDays(1));

    int usageComponent;
    if (current.isEmpty()) {
      usageComponent = 0;
    } else if (prior.isEmpty() || prior.getAsDouble() == 0) {
      usageComponent = current.getAsDouble() > 0 ? 100 : 0;
    } else {
      usageComponent = clamp(100 * current.getAsDouble() / prior.getAsDouble());
    }
    long loginDays =
        inWindow(usage, windowStart, day)
            .filter(e -> e.getValue().logins() != null && e.getValue().logins() > 0)
            .count();
    int engagement = clamp(100.0 * loginDays / policy.windowDays());
    int tickets =
        inWindow(usage, windowStart, day)
            .mapToInt(
                e -> e.getValue().supportTickets() == null ? 0 : e.getValue().supportTickets())
            .sum();
    int support = clamp(100.0 - (double) policy.ticketPenalty() * tickets);
    Integer latestNps =
        inWindow(usage, windowStart, day)
            .filter(e -> e.getValue().nps() != null)
            .max(Map.Entry.comparingByKey())
            .map(e -> e.getValue().nps())
            .orElse(null);
    // No answer in the window counts as a passive's, neither praise nor complaint.
    int nps = latestNps == null ? 50 : latestNps * 10;

    HealthPolicy.Weights w = policy.weights();
    int score =
        (int)
            Math.round(
                (double)
                        (w.usage() * usageComponent
                            + w.engagement() * engagement
                            + w.support() * support
                            + w.nps() * nps)
                    / w.total());
    HealthBand band =
        score >= policy.healthyThreshold()
            ? HealthBand.HEALTHY
            : score < policy.riskThreshold() ? HealthBand.AT_RISK : HealthBand.WATCH;

    List<ChurnSignal> signals = new ArrayList<>();
    if (score < policy.riskThreshold()) {
      signals.add(ChurnSignal.BELOW_THRESHOLD);
    }
    if (prior.isPresent()
        && prior.getAsDouble() > 0
        && current.orElse(0) < prior.getAsDouble() * (100 - policy.usageDropPercent()) / 100.0) {
      signals.add(ChurnSignal.USAGE_DROP);
    }
    LocalDate lastLogin =
        usage.entrySet().stream()
            .filter(e -> !e.getKey().isAfter(day))
            .filter(e -> e.getValue().logins() != null && e.getValue().logins() > 0)
            .map(Map.Entry::getKey)
            .max(Comparator.naturalOrder())
            .orElse(account.openedOn());
    if (ChronoUnit.DAYS.between(lastLogin, day) >= policy.noLoginDays()) {
      signals.add(ChurnSignal.NO_LOGIN);
    }
    if (latestNps != null && latestNps <= policy.detractorMaxNps()) {
      signals.add(ChurnSignal.DETRACTOR_NPS);
    }
    if (!account.contractEnd().isBefore(day)
        && !account.contractEnd().isAfter(day.plusDays(policy.renewalDays()))
        && score < policy.healthyThreshold()) {
      signals.add(ChurnSignal.RENEWAL_AT_RISK);
    }
    return new Assessment(
        score,
        band,
        new HealthScored.Components(usageComponent, engagement, support, nps),
        List.copyOf(signals));
  }

  /** The events one day's scoring publishes, given the signals that fired last time. */
  public static List<SuccessEvent> decide(
      HealthPolicy policy, Account account, Map<LocalDate, DayUsage> usage, LocalDate day) {
    Assessment assessment = assess(policy, account, usage, day);
    List<SuccessEvent> events = new ArrayList<>();
    events.add(
        new HealthScored(
            account.leadId(),
            account.accountId(),
            day,
            assessment.score(),
            assessment.band(),
            assessment.components()));
    if (!assessment.signals().isEmpty() && !assessment.signals().equals(account.riskSignals())) {
      events.add(
          new ChurnRiskDetected(
              account.leadId(),
              account.accountId(),
              day,
              assessment.score(),
              assessment.signals()));
    } else if (assessment.signals().isEmpty() && account.atRisk()) {
      events.add(
          new ChurnRiskRecovered(account.leadId(), account.accountId(), day, assessment.score()));
    }
    return events;
  }

  private static java.util.stream.Stream<Map.Entry<LocalDate, DayUsage>> inWindow(
      Map<LocalDate, DayUsage> usage, LocalDate from, LocalDate to) {
    return usage.entrySet().stream()
        .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to));
  }

  private static OptionalDouble averageActiveUsers(
      Map<LocalDate, DayUsage> usage, LocalDate from, LocalDate to) {
    return inWindow(usage, from, to)
        .filter(e -> e.getValue().activeUsers() != null)
        .mapToInt(e -> e.getValue().activeUsers())
        .average();
  }

  private static int clamp(double value) {
    return (int) Math.max(0, Math.min(100, Math.round(value)));
  }
}
