package io.themodel.deal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void a_quarter_is_its_three_months() {
    Period q2 = Period.parse("2026-Q2");
    assertThat(q2.start()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(q2.end()).isEqualTo(LocalDate.parse("2026-07-01"));
    assertThat(q2.contains(LocalDate.parse("2026-06-30"))).isTrue();
    assertThat(q2.contains(LocalDate.parse("2026-07-01"))).isFalse();
    assertThat(q2.contains(LocalDate.parse("2026-03-31"))).isFalse();
    assertThat(Period.parse("2026-Q4").end()).isEqualTo(LocalDate.parse("2027-01-01"));
  }

  @Test
  void a_month_is_its_days() {
    Period april = Period.parse("2026-04");
    assertThat(april.start()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(april.end()).isEqualTo(LocalDate.parse("2026-05-01"));
  }

  @Test
  void anything_else_is_not_a_period() {
    for (String bad : new String[] {"2026-Q5", "2026-13", "2026", "Q2-2026", "", "2026-4"}) {
      assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
