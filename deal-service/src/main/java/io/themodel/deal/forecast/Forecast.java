package io.themodel.deal.forecast;

import io.themodel.events.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * Revenue against the KGI for one period, in one currency: what was won (actual), the open pipeline
 * weighted by each stage's probability, their sum (forecast), the target and what is still to go.
 * All sums are exact {@link BigDecimal}s: a probability is a whole percent, so amount × percent /
 * 100 needs no rounding.
 */
public record Forecast(
    String period,
    String currency,
    BigDecimal actual,
    BigDecimal weightedPipeline,
    BigDecimal forecast,
    BigDecimal target,
    BigDecimal gap,
    BigDecimal forecastGap) {

  /** An open deal expected to close in the period: its amount and its stage's probability. */
  public record OpenDeal(Money amount, int probability) {

    BigDecimal weighted() {
      return amount.amount().multiply(BigDecimal.valueOf(probability)).movePointLeft(2);
    }
  }

  /**
   * The forecast for a period. {@code target} may be null (no target set): then there is no gap.
   *
   * @throws IllegalArgumentException if any amount is in another currency
   */
  public static Forecast of(
      String period, String currency, List<Money> won, List<OpenDeal> open, Money target) {
    BigDecimal actual = BigDecimal.ZERO;
    for (Money amount : won) {
      actual = actual.add(in(currency, amount));
    }
    BigDecimal weighted = BigDecimal.ZERO;
    for (OpenDeal deal : open) {
      in(currency, deal.amount());
      weighted = weighted.add(deal.weighted());
    }
    BigDecimal forecast = actual.add(weighted);
    BigDecimal targetAmount = target == null ? null : in(currency, target);
    return new Forecast(
        period,
        currency,
        actual,
        weighted,
        forecast,
        targetAmount,
        targetAmount == null ? null : targetAmount.subtract(actual),
        targetAmount == null ? null : targetAmount.subtract(forecast));
  }

  private static BigDecimal in(String currency, Money money) {
    if (!currency.equals(money.currency())) {
      throw new IllegalArgumentException(
          "cannot add " + money.currency() + " to a forecast in " + currency);
    }
    return money.amount();
  }
}
