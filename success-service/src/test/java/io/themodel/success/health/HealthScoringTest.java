package io.themodel.success.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.success.ChurnRiskDetected;
import io.themodel.events.success.ChurnRiskRecovered;
import io.themodel.events.success.ChurnSignal;
import io.themodel.events.success.HealthBand;
import io.themodel.events.success.HealthScored;
import io.themodel.events.success.SuccessEvent;
import io.themodel.success.health.HealthScoring.Account;
import io.themodel.success.health.HealthScoring.Assessment;
import io.themodel.success.health.HealthScoring.DayUsage;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HealthScoringTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-23");
  private static final UUID LEAD = UUID.randomUUID();
  private static final UUID ACCOUNT = UUID.randomUUID();

  /** A 10-day window, equal weights, healthy at 70, at risk under 40. */
  private static final HealthPolicy POLICY =
      new HealthPolicy(new HealthPolicy.Weights(1, 1, 1, 1), 10, 70, 40, 30, 7, 6, 60, 10);

  private static Account account() {
    return account(List.of());
  }

  private static Account account(List<ChurnSignal> riskSignals) {
    return new Account(LEAD, ACCOUNT, DAY.minusYears(1), DAY.plusYears(1), riskSignals);
  }

  /** Every day of both windows: 10 active users, a login, no tickets; NPS 9 today. */
  private static Map<LocalDate, DayUsage> steadyUsage() {
    Map<LocalDate, DayUsage> usage = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      usage.put(DAY.minusDays(i), new DayUsage(10, 5, 0, null));
    }
    usage.put(DAY, new DayUsage(10, 5, 0, 9));
    return usage;
  }

  private static Assessment assess(Account account, Map<LocalDate, DayUsage> usage) {
    return HealthScoring.assess(POLICY, account, usage, DAY);
  }

  @Test
  void steady_usage_with_a_promoter_is_healthy_and_fires_no_signal() {
    Assessment assessment = assess(account(), steadyUsage());

    assertThat(assessment.components()).isEqualTo(new HealthScored.Components(100, 100, 100, 90));
    assertThat(assessment.score()).isEqualTo(98);
    assertThat(assessment.band()).isEqualTo(HealthBand.HEALTHY);
    assertThat(assessment.signals()).isEmpty();
  }

  @Test
  void the_score_is_the_weighted_average_of_the_components() {
    HealthPolicy supportOnly =
        new HealthPolicy(new HealthPolicy.Weights(0, 0, 3, 1), 10, 70, 40, 30, 7, 6, 60, 10);
    Map<LocalDate, DayUsage> usage = steadyUsage();
    usage.put(DAY.minusDays(1), new DayUsage(10, 5, 4, null)); // 4 tickets: support 60

    Assessment assessment = HealthScoring.assess(supportOnly, account(), usage, DAY);

    assertThat(assessment.components().support()).isEqualTo(60);
    assertThat(assessment.score()).isEqualTo((3 * 60 + 90 + 2) / 4); // 68
    assertThat(assessment.band()).isEqualTo(HealthBand.WATCH);
  }

  @Test
  void a_score_under_the_risk_threshold_fires_below_threshold() {
    Map<LocalDate, DayUsage> usage = new HashMap<>();
    usage.put(DAY, new DayUsage(0, 1, 20, 7));

    Assessment assessment = assess(account(), usage);

    assertThat(assessment.score()).isLessThan(40);
    assertThat(assessment.band()).isEqualTo(HealthBand.AT_RISK);
    assertThat(assessment.signals()).containsExactly(ChurnSignal.BELOW_THRESHOLD);
  }

  @Test
  void active_users_falling_by_more_than_the_configured_share_fires_usage_drop() {
    Map<LocalDate, DayUsage> usage = steadyUsage();
    for (int i = 0; i < 10; i++) {
      usage.put(DAY.minusDays(i), new DayUsage(6, 5, 0, i == 0 ? 9 : null)); // 10 → 6: −40%
    }

    assertThat(assess(account(), usage).signals()).containsExactly(ChurnSignal.USAGE_DROP);

    for (int i = 0; i < 10; i++) {
      usage.put(DAY.minusDays(i), new DayUsage(8, 5, 0, i == 0 ? 9 : null)); // −20%: no signal
    }
    assertThat(assess(account(), usage).signals()).isEmpty();
  }

  @Test
  void no_login_for_the_configured_days_fires_no_login() {
    Map<LocalDate, DayUsage> usage = steadyUsage();
    for (int i = 0; i < 7; i++) {
      usage.put(DAY.minusDays(i), new DayUsage(10, 0, 0, i == 0 ? 9 : null));
    }

    assertThat(assess(account(), usage).signals()).contains(ChurnSignal.NO_LOGIN);

    usage.put(DAY.minusDays(6), new DayUsage(10, 1, 0, null)); // a login six days ago
    assertThat(assess(account(), usage).signals()).doesNotContain(ChurnSignal.NO_LOGIN);
  }

  @Test
  void a_customer_that_never_logged_in_fires_no_login_counted_from_its_opening() {
    Account fresh = new Account(LEAD, ACCOUNT, DAY.minusDays(3), DAY.plusYears(1), List.of());
    assertThat(assess(fresh, Map.of()).signals()).doesNotContain(ChurnSignal.NO_LOGIN);

    Account idle = new Account(LEAD, ACCOUNT, DAY.minusDays(7), DAY.plusYears(1), List.of());
    assertThat(assess(idle, Map.of()).signals()).contains(ChurnSignal.NO_LOGIN);
  }

  @Test
  void a_detractors_latest_nps_answer_fires_detractor_nps() {
    Map<LocalDate, DayUsage> usage = steadyUsage();
    usage.put(DAY.minusDays(3), new DayUsage(10, 5, 0, 9));
    usage.put(DAY, new DayUsage(10, 5, 0, 6));

    assertThat(assess(account(), usage).signals()).containsExactly(ChurnSignal.DETRACTOR_NPS);

    usage.put(DAY, new DayUsage(10, 5, 0, 7));
    assertThat(assess(account(), usage).signals()).isEmpty();
  }

  @Test
  void a_renewal_within_the_configured_days_with_health_under_healthy_fires_renewal_at_risk() {
    Map<LocalDate, DayUsage> usage = steadyUsage();
    usage.put(DAY.minusDays(1), new DayUsage(10, 5, 5, null)); // support 50: score 85, healthy
    Account renewingSoon =
        new Account(LEAD, ACCOUNT, DAY.minusYears(1), DAY.plusDays(60), List.of());
    assertThat(assess(renewingSoon, usage).signals()).isEmpty();

    usage.put(DAY.minusDays(2), new DayUsage(10, 5, 5, null)); // 15 tickets: support 0
    usage.put(DAY.minusDays(3), new DayUsage(10, 5, 5, null));
    usage.put(DAY, new DayUsage(10, 5, 0, 7)); // nps 70: score 68, WATCH
    Assessment watch = assess(renewingSoon, usage);
    assertThat(watch.band()).isEqualTo(HealthBand.WATCH);
    assertThat(watch.signals()).containsExactly(ChurnSignal.RENEWAL_AT_RISK);

    Account renewingLater =
        new Account(LEAD, ACCOUNT, DAY.minusYears(1), DAY.plusDays(61), List.of());
    assertThat(assess(renewingLater, usage).signals()).isEmpty();
  }

  @Test
  void a_scoring_publishes_the_score_and_the_churn_risk_when_signals_fire() {
    Map<LocalDate, DayUsage> usage = steadyUsage();
    usage.put(DAY, new DayUsage(10, 5, 0, 3));

    List<SuccessEvent> events = HealthScoring.decide(POLICY, account(), usage, DAY);

    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(HealthScored.class);
    assertThat(((HealthScored) events.get(0)).score()).isEqualTo(83);
    assertThat(events.get(1))
        .isEqualTo(
            new ChurnRiskDetected(LEAD, ACCOUNT, DAY, 83, List.of(ChurnSignal.DETRACTOR_NPS)));
  }

  @Test
  void the_same_signals_on_the_next_day_are_not_detected_again() {
    Map<LocalDate, DayUsage> usage = steadyUsage();
    usage.put(DAY, new DayUsage(10, 5, 0, 3));

    List<SuccessEvent> events =
        HealthScoring.decide(POLICY, account(List.of(ChurnSignal.DETRACTOR_NPS)), usage, DAY);

    assertThat(events).singleElement().isInstanceOf(HealthScored.class);
  }

  @Test
  void a_customer_at_risk_that_fires_no_signal_has_recovered() {
    List<SuccessEvent> events =
        HealthScoring.decide(POLICY, account(List.of(ChurnSignal.USAGE_DROP)), steadyUsage(), DAY);

    assertThat(events).hasSize(2);
    assertThat(events.get(1)).isEqualTo(new ChurnRiskRecovered(LEAD, ACCOUNT, DAY, 98));
    assertThat(HealthScoring.decide(POLICY, account(), steadyUsage(), DAY)).hasSize(1);
  }
}
