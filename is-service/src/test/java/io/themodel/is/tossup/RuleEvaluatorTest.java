package io.themodel.is.tossup;

import static io.themodel.is.tossup.RuleVersionTest.among;
import static io.themodel.is.tossup.RuleVersionTest.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.Money;
import io.themodel.events.is.TossUpCondition;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.qualification.Bant;
import io.themodel.is.tossup.Evaluation.ConditionResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-04-01");
  private static final LeadFacts GOOD_LEAD =
      new LeadFacts(
          ScoreBand.MQL_HIGH,
          new Bant(false, true, true, true),
          new Money(new BigDecimal("2000000000"), "JPY"),
          300,
          "MANUFACTURING",
          LocalDate.parse("2026-08-15"));
  private static final LeadFacts NOTHING_KNOWN =
      new LeadFacts(null, Bant.NOTHING_KNOWN, null, null, null, null);

  private static Evaluation evaluate(TossUpCondition condition, LeadFacts lead) {
    return RuleEvaluator.evaluate(
        new RuleVersion("v2", List.of(condition), List.of()), lead, TODAY);
  }

  private static boolean holds(TossUpCondition condition, LeadFacts lead) {
    return evaluate(condition, lead).passed();
  }

  @Test
  void revenue_holds_within_its_bounds_in_the_same_currency() {
    assertThat(holds(range("COMPANY_REVENUE", "1000000000", null), GOOD_LEAD)).isTrue();
    assertThat(holds(range("COMPANY_REVENUE", "3000000000", null), GOOD_LEAD)).isFalse();
    assertThat(holds(range("COMPANY_REVENUE", null, "1000000000"), GOOD_LEAD)).isFalse();
    TossUpCondition inEuro =
        new TossUpCondition("COMPANY_REVENUE", BigDecimal.ONE, null, "EUR", List.of());
    assertThat(evaluate(inEuro, GOOD_LEAD).decidedBy().get(0).detail())
        .isEqualTo("revenue is in JPY, the condition in EUR");
  }

  @Test
  void employees_hold_within_min_and_max_inclusive() {
    assertThat(holds(range("EMPLOYEES", "300", "300"), GOOD_LEAD)).isTrue();
    assertThat(holds(range("EMPLOYEES", "301", null), GOOD_LEAD)).isFalse();
    assertThat(holds(range("EMPLOYEES", null, "299"), GOOD_LEAD)).isFalse();
  }

  @Test
  void industry_holds_when_it_is_among_the_values_in_any_case() {
    assertThat(holds(among("INDUSTRY", "IT", "manufacturing"), GOOD_LEAD)).isTrue();
    assertThat(holds(among("INDUSTRY", "IT"), GOOD_LEAD)).isFalse();
  }

  @Test
  void bant_holds_when_every_listed_item_holds_and_names_the_missing_ones() {
    assertThat(holds(among("BANT", "NEED", "TIMELINE"), GOOD_LEAD)).isTrue();
    Evaluation withBudget = evaluate(among("BANT", "BUDGET", "NEED"), GOOD_LEAD);
    assertThat(withBudget.passed()).isFalse();
    assertThat(withBudget.decidedBy().get(0).detail()).isEqualTo("BANT [BUDGET] not met");
  }

  @Test
  void score_band_holds_when_the_band_is_among_the_values() {
    assertThat(holds(among("SCORE_BAND", "MQL_HIGH", "SQL"), GOOD_LEAD)).isTrue();
    assertThat(holds(among("SCORE_BAND", "SQL"), GOOD_LEAD)).isFalse();
  }

  @Test
  void timing_counts_whole_months_from_today_to_the_planned_start() {
    // 2026-04-01 to 2026-08-15 is 4 whole months
    assertThat(holds(range("TIMING", null, "4"), GOOD_LEAD)).isTrue();
    assertThat(holds(range("TIMING", null, "3"), GOOD_LEAD)).isFalse();
    assertThat(holds(range("TIMING", "5", "12"), GOOD_LEAD)).isFalse();
  }

  @Test
  void a_condition_on_a_fact_nobody_recorded_does_not_hold() {
    for (TossUpCondition condition :
        List.of(
            range("COMPANY_REVENUE", "1", null),
            range("EMPLOYEES", "1", null),
            among("INDUSTRY", "IT"),
            among("BANT", "NEED"),
            among("SCORE_BAND", "LEAD"),
            range("TIMING", null, "12"))) {
      assertThat(holds(condition, NOTHING_KNOWN)).as(condition.field()).isFalse();
    }
  }

  @Test
  void an_exclusion_that_applies_fails_a_lead_that_meets_every_condition() {
    RuleVersion rules =
        new RuleVersion(
            "v2",
            List.of(among("BANT", "NEED"), range("EMPLOYEES", "50", null)),
            List.of(among("INDUSTRY", "MANUFACTURING"), range("EMPLOYEES", null, "10")));
    Evaluation evaluation = RuleEvaluator.evaluate(rules, GOOD_LEAD, TODAY);

    assertThat(evaluation.passed()).isFalse();
    assertThat(evaluation.decidedBy())
        .extracting(ConditionResult::condition)
        .containsExactly("exclusions[0]");
    assertThat(evaluation.failedLabels()).containsExactly("exclusions[0] INDUSTRY");
  }

  @Test
  void an_exclusion_on_an_unknown_fact_does_not_apply() {
    RuleVersion rules =
        new RuleVersion("v2", List.of(among("BANT", "NEED")), List.of(among("INDUSTRY", "EDU")));
    LeadFacts needOnly =
        new LeadFacts(null, new Bant(false, false, true, false), null, null, null, null);
    assertThat(RuleEvaluator.evaluate(rules, needOnly, TODAY).passed()).isTrue();
  }

  @Test
  void a_pass_is_decided_by_every_condition_and_a_fail_by_the_unmet_ones() {
    RuleVersion rules =
        new RuleVersion(
            "v2",
            List.of(
                among("BANT", "NEED"),
                range("EMPLOYEES", "1000", null),
                among("SCORE_BAND", "SQL")),
            List.of());
    Evaluation failed = RuleEvaluator.evaluate(rules, GOOD_LEAD, TODAY);
    assertThat(failed.passed()).isFalse();
    assertThat(failed.failedLabels())
        .containsExactly("conditions[1] EMPLOYEES", "conditions[2] SCORE_BAND");

    RuleVersion lenient = new RuleVersion("v3", List.of(among("BANT", "NEED")), List.of());
    Evaluation passed = RuleEvaluator.evaluate(lenient, GOOD_LEAD, TODAY);
    assertThat(passed.passed()).isTrue();
    assertThat(passed.ruleVersion()).isEqualTo("v3");
    assertThat(passed.decidedBy()).extracting(ConditionResult::holds).containsExactly(true);
    assertThat(passed.failedLabels()).isEmpty();
  }
}
