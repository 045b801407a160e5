package io.themodel.deal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.Money;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ForecastTest {

  private static Money yen(String amount) {
    return new Money(new BigDecimal(amount), "JPY");
  }

  @Test
  void actual_124030_k_yen_against_a_target_of_152540_k_yen_leaves_28510_k_yen_to_go() {
    Forecast forecast =
        Forecast.of(
            "2026-Q2",
            "JPY",
            List.of(yen("100000000"), yen("24030000")),
            List.of(),
            yen("152540000"));
    assertThat(forecast.actual()).isEqualByComparingTo("124030000");
    assertThat(forecast.target()).isEqualByComparingTo("152540000");
    assertThat(forecast.gap()).isEqualByComparingTo("28510000");
  }

  @Test
  void the_forecast_is_the_actual_plus_the_pipeline_weighted_by_stage_probability() {
    Forecast forecast =
        Forecast.of(
            "2026-Q2",
            "JPY",
            List.of(yen("124030000")),
            List.of(
                new Forecast.OpenDeal(yen("10000000"), 20),
                new Forecast.OpenDeal(yen("12000000"), 50),
                new Forecast.OpenDeal(yen("15000000"), 80)),
            yen("152540000"));
    // 2,000,000 + 6,000,000 + 12,000,000
    assertThat(forecast.weightedPipeline()).isEqualByComparingTo("20000000");
    assertThat(forecast.forecast()).isEqualByComparingTo("144030000");
    assertThat(forecast.gap()).isEqualByComparingTo("28510000");
    assertThat(forecast.forecastGap()).isEqualByComparingTo("8510000");
  }

  @Test
  void weighting_a_sum_with_cents_stays_exact() {
    Forecast forecast =
        Forecast.of(
            "2026-04",
            "EUR",
            List.of(),
            List.of(
                new Forecast.OpenDeal(new Money(new BigDecimal("0.10"), "EUR"), 33),
                new Forecast.OpenDeal(new Money(new BigDecimal("0.20"), "EUR"), 33)),
            null);
    assertThat(forecast.weightedPipeline()).isEqualTo(new BigDecimal("0.0990"));
    assertThat(forecast.target()).isNull();
    assertThat(forecast.gap()).isNull();
  }

  @Test
  void a_target_exceeded_shows_a_negative_gap() {
    Forecast forecast =
        Forecast.of("2026-Q2", "JPY", List.of(yen("160000000")), List.of(), yen("152540000"));
    assertThat(forecast.gap()).isEqualByComparingTo("-7460000");
  }

  @Test
  void amounts_in_another_currency_are_never_added() {
    assertThatThrownBy(
            () ->
                Forecast.of(
                    "2026-Q2",
                    "JPY",
                    List.of(new Money(BigDecimal.ONE, "EUR")),
                    List.of(),
                    yen("1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void the_forecast_lies_between_the_actual_and_the_actual_plus_the_whole_pipeline(
      @ForAll @BigRange(min = "0", max = "1000000000000") @Scale(2) BigDecimal won,
      @ForAll @BigRange(min = "0.01", max = "1000000000000") @Scale(2) BigDecimal open,
      @ForAll @IntRange(min = 0, max = 100) int probability) {
    Forecast forecast =
        Forecast.of(
            "2026-Q2",
            "JPY",
            List.of(new Money(won, "JPY")),
            List.of(new Forecast.OpenDeal(new Money(open, "JPY"), probability)),
            null);
    assertThat(forecast.forecast()).isBetween(won, won.add(open));
    assertThat(forecast.forecast().subtract(forecast.actual()))
        .isEqualByComparingTo(forecast.weightedPipeline());
    assertThat(forecast.weightedPipeline().multiply(BigDecimal.valueOf(100)))
        .isEqualByComparingTo(open.multiply(BigDecimal.valueOf(probability)));
  }
}
