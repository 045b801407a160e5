package io.themodel.is.tossup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.is.TossUpCondition;
import io.themodel.platform.command.CommandRejected;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleVersionTest {

  static TossUpCondition range(String field, String min, String max) {
    return new TossUpCondition(
        field,
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max),
        field.equals("COMPANY_REVENUE") ? "JPY" : null,
        List.of());
  }

  static TossUpCondition among(String field, String... values) {
    return new TossUpCondition(field, null, null, null, List.of(values));
  }

  private static void assertRejectedAt(RuleVersion version, String field) {
    assertThatThrownBy(version::validated)
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE);
              assertThat(r.field()).isEqualTo(field);
            });
  }

  private static RuleVersion with(TossUpCondition condition) {
    return new RuleVersion("v2", List.of(among("BANT", "NEED"), condition), List.of());
  }

  @Test
  void a_version_with_every_kind_of_condition_and_an_exclusion_is_valid() {
    RuleVersion version =
        new RuleVersion(
            "2026.1",
            List.of(
                range("COMPANY_REVENUE", "1000000000", null),
                range("EMPLOYEES", "50", "5000"),
                among("INDUSTRY", "MANUFACTURING", "IT"),
                among("BANT", "NEED", "TIMELINE"),
                among("SCORE_BAND", "MQL_HIGH", "SQL"),
                range("TIMING", null, "6")),
            List.of(among("INDUSTRY", "EDUCATION")));
    assertThat(version.validated()).isSameAs(version);
  }

  @Test
  void a_version_needs_a_condition() {
    assertRejectedAt(new RuleVersion("v2", List.of(), List.of()), "conditions");
  }

  @Test
  void an_unknown_field_is_named_by_its_place_in_the_version() {
    assertRejectedAt(with(among("HOROSCOPE", "LEO")), "conditions[1].field");
    assertRejectedAt(
        with(new TossUpCondition(null, null, null, null, null)), "conditions[1].field");
  }

  @Test
  void a_range_needs_a_bound_and_min_not_above_max() {
    assertRejectedAt(with(range("EMPLOYEES", null, null)), "conditions[1]");
    assertRejectedAt(with(range("EMPLOYEES", "500", "50")), "conditions[1].min");
    assertRejectedAt(with(range("EMPLOYEES", "-1", null)), "conditions[1].min");
    assertRejectedAt(with(range("EMPLOYEES", "10.5", null)), "conditions[1].min");
  }

  @Test
  void revenue_needs_a_currency_and_only_revenue_has_one() {
    assertRejectedAt(
        with(new TossUpCondition("COMPANY_REVENUE", BigDecimal.ONE, null, null, List.of())),
        "conditions[1].currency");
    assertRejectedAt(
        with(new TossUpCondition("EMPLOYEES", BigDecimal.ONE, null, "JPY", List.of())),
        "conditions[1].currency");
  }

  @Test
  void timing_needs_a_max_in_months() {
    assertRejectedAt(with(range("TIMING", "1", null)), "conditions[1].max");
  }

  @Test
  void a_list_condition_needs_known_values_and_no_bounds() {
    assertRejectedAt(with(among("INDUSTRY")), "conditions[1].values");
    assertRejectedAt(with(among("BANT", "NEED", "VIBES")), "conditions[1].values[1]");
    assertRejectedAt(with(among("SCORE_BAND", "PLATINUM")), "conditions[1].values[0]");
    assertRejectedAt(
        with(new TossUpCondition("INDUSTRY", BigDecimal.ONE, null, null, List.of("IT"))),
        "conditions[1]");
    assertRejectedAt(
        with(new TossUpCondition("EMPLOYEES", BigDecimal.ONE, null, null, List.of("IT"))),
        "conditions[1].values");
  }

  @Test
  void a_bad_exclusion_is_named_as_an_exclusion() {
    assertRejectedAt(
        new RuleVersion("v2", List.of(among("BANT", "NEED")), List.of(among("INDUSTRY"))),
        "exclusions[0].values");
  }
}
