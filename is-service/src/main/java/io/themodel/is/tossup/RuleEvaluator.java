package io.themodel.is.tossup;

import io.themodel.events.is.TossUpCondition;
import io.themodel.is.qualification.BantItem;
import io.themodel.is.tossup.Evaluation.ConditionResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a toss-up rule version to a lead's facts. A condition on a fact nobody recorded does not
 * hold (and an exclusion on it does not apply): unknown is not a pass.
 */
public final class RuleEvaluator {

  private RuleEvaluator() {}

  public static Evaluation evaluate(RuleVersion rules, LeadFacts lead, LocalDate today) {
    List<ConditionResult> conditions = results("conditions", rules.conditions(), lead, today);
    List<ConditionResult> exclusions = results("exclusions", rules.exclusions(), lead, today);
    List<ConditionResult> unmet = conditions.stream().filter(r -> !r.holds()).toList();
    List<ConditionResult> applied = exclusions.stream().filter(ConditionResult::holds).toList();
    boolean passed = unmet.isEmpty() && applied.isEmpty();
    List<ConditionResult> decidedBy = new ArrayList<>();
    if (passed) {
      decidedBy.addAll(conditions);
    } else {
      decidedBy.addAll(unmet);
      decidedBy.addAll(applied);
    }
    return new Evaluation(rules.version(), passed, decidedBy, conditions, exclusions, null);
  }

  private static List<ConditionResult> results(
      String list, List<TossUpCondition> conditions, LeadFacts lead, LocalDate today) {
    List<ConditionResult> results = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      results.add(test(list + "[" + i + "]", conditions.get(i), lead, today));
    }
    return results;
  }

  private static ConditionResult test(
      String at, TossUpCondition condition, LeadFacts lead, LocalDate today) {
    RuleField field = RuleVersion.fieldOf(condition);
    String name = field.name();
    return switch (field) {
      case COMPANY_REVENUE -> {
        if (lead.annualRevenue() == null) {
          yield unknown(at, field, "annual revenue");
        }
        if (!lead.annualRevenue().currency().equals(condition.currency())) {
          yield new ConditionResult(
              at,
              name,
              false,
              "revenue is in "
                  + lead.annualRevenue().currency()
                  + ", the condition in "
                  + condition.currency());
        }
        yield range(at, field, condition, lead.annualRevenue().amount(), "annual revenue");
      }
      case EMPLOYEES ->
          lead.employees() == null
              ? unknown(at, field, "employees")
              : range(at, field, condition, BigDecimal.valueOf(lead.employees()), "employees");
      case TIMING -> {
        if (lead.plannedStart() == null) {
          yield unknown(at, field, "planned start");
        }
        long months = Math.max(0, ChronoUnit.MONTHS.between(today, lead.plannedStart()));
        yield range(at, field, condition, BigDecimal.valueOf(months), "months to planned start");
      }
      case INDUSTRY -> {
        if (lead.industry() == null) {
          yield unknown(at, field, "industry");
        }
        boolean among =
            condition.values().stream()
                .anyMatch(v -> v.toUpperCase(Locale.ROOT).equals(upper(lead.industry())));
        yield new ConditionResult(
            at,
            name,
            among,
            "industry " + lead.industry() + " in " + condition.values() + ": " + among);
      }
      case BANT -> {
        List<String> missing =
            condition.values().stream()
                .filter(item -> !lead.bant().holds(BantItem.valueOf(item)))
                .toList();
        yield new ConditionResult(
            at,
            name,
            missing.isEmpty(),
            missing.isEmpty()
                ? "BANT " + condition.values() + " hold"
                : "BANT " + missing + " not met");
      }
      case SCORE_BAND -> {
        if (lead.band() == null) {
          yield unknown(at, field, "score band");
        }
        boolean among = condition.values().contains(lead.band().name());
        yield new ConditionResult(
            at,
            name,
            among,
            "score band " + lead.band() + " in " + condition.values() + ": " + among);
      }
    };
  }

  private static ConditionResult range(
      String at, RuleField field, TossUpCondition condition, BigDecimal value, String what) {
    boolean aboveMin = condition.min() == null || value.compareTo(condition.min()) >= 0;
    boolean belowMax = condition.max() == null || value.compareTo(condition.max()) <= 0;
    String bounds =
        (condition.min() == null ? "" : "min " + condition.min().toPlainString())
            + (condition.min() != null && condition.max() != null ? ", " : "")
            + (condition.max() == null ? "" : "max " + condition.max().toPlainString());
    return new ConditionResult(
        at,
        field.name(),
        aboveMin && belowMax,
        what + " " + value.toPlainString() + " against " + bounds + ": " + (aboveMin && belowMax));
  }

  private static ConditionResult unknown(String at, RuleField field, String what) {
    return new ConditionResult(at, field.name(), false, what + " not known");
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }
}
