package io.themodel.is.tossup;

import io.themodel.events.is.TossUpCondition;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.qualification.BantItem;
import io.themodel.platform.command.CommandRejected;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One version of the toss-up rule book: the conditions a lead must all meet and the exclusion
 * conditions that stop it even then (derived from won deals and agreed with field sales).
 */
public record RuleVersion(
    String version, List<TossUpCondition> conditions, List<TossUpCondition> exclusions) {

  public RuleVersion {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
  }

  /**
   * Checks every condition and exclusion.
   *
   * @throws CommandRejected 422 naming the first bad condition, e.g. {@code conditions[1].max}
   */
  public RuleVersion validated() {
    if (conditions.isEmpty()) {
      throw CommandRejected.unprocessable(
          "conditions", "a toss-up rule version needs at least one condition");
    }
    for (int i = 0; i < conditions.size(); i++) {
      check("conditions[" + i + "]", conditions.get(i));
    }
    for (int i = 0; i < exclusions.size(); i++) {
      check("exclusions[" + i + "]", exclusions.get(i));
    }
    return this;
  }

  /** The field a condition tests; the condition was validated. */
  static RuleField fieldOf(TossUpCondition condition) {
    return RuleField.valueOf(condition.field());
  }

  private static void check(String at, TossUpCondition condition) {
    if (condition == null) {
      throw CommandRejected.unprocessable(at, "a condition cannot be empty");
    }
    RuleField field = parse(at + ".field", condition.field());
    List<String> values = condition.values() == null ? List.of() : condition.values();
    switch (field) {
      case COMPANY_REVENUE, EMPLOYEES, TIMING -> {
        if (!values.isEmpty()) {
          throw CommandRejected.unprocessable(
              at + ".values", field + " is a range: give min and/or max, not values");
        }
        checkRange(at, field, condition);
        if (field == RuleField.COMPANY_REVENUE) {
          if (condition.currency() == null || !condition.currency().matches("[A-Z]{3}")) {
            throw CommandRejected.unprocessable(
                at + ".currency", "a revenue condition needs an ISO 4217 currency, e.g. JPY");
          }
        } else if (condition.currency() != null) {
          throw CommandRejected.unprocessable(
              at + ".currency", "only a revenue condition has a currency");
        }
      }
      case INDUSTRY, BANT, SCORE_BAND -> {
        if (condition.min() != null || condition.max() != null || condition.currency() != null) {
          throw CommandRejected.unprocessable(
              at, field + " is a list: give values, not min, max or currency");
        }
        if (values.isEmpty()) {
          throw CommandRejected.unprocessable(at + ".values", field + " needs at least one value");
        }
        for (int v = 0; v < values.size(); v++) {
          checkValue(at + ".values[" + v + "]", field, values.get(v));
        }
      }
    }
  }

  private static void checkRange(String at, RuleField field, TossUpCondition condition) {
    BigDecimal min = condition.min();
    BigDecimal max = condition.max();
    if (min == null && max == null) {
      throw CommandRejected.unprocessable(at, field + " needs a min, a max or both");
    }
    if (field == RuleField.TIMING && max == null) {
      throw CommandRejected.unprocessable(
          at + ".max", "TIMING needs a max: the planned start at most this many months ahead");
    }
    for (String bound : List.of("min", "max")) {
      BigDecimal value = bound.equals("min") ? min : max;
      if (value == null) {
        continue;
      }
      if (value.signum() < 0) {
        throw CommandRejected.unprocessable(at + "." + bound, "cannot be negative");
      }
      if (field != RuleField.COMPANY_REVENUE && value.stripTrailingZeros().scale() > 0) {
        throw CommandRejected.unprocessable(at + "." + bound, field + " is a whole number");
      }
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw CommandRejected.unprocessable(at + ".min", "min is above max");
    }
  }

  private static void checkValue(String at, RuleField field, String value) {
    if (value == null || value.isBlank()) {
      throw CommandRejected.unprocessable(at, "a value cannot be blank");
    }
    if (field == RuleField.BANT) {
      parse(at, value, BantItem.class);
    } else if (field == RuleField.SCORE_BAND) {
      parse(at, value, ScoreBand.class);
    }
  }

  private static RuleField parse(String at, String field) {
    if (field == null) {
      throw CommandRejected.unprocessable(
          at, "a condition needs a field, one of " + Arrays.toString(RuleField.values()));
    }
    return parse(at, field, RuleField.class);
  }

  private static <T extends Enum<T>> T parse(String at, String value, Class<T> type) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw CommandRejected.unprocessable(
          at, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
