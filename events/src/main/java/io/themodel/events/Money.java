package io.themodel.events;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in a currency (ISO 4217 code). */
public record Money(BigDecimal amount, String currency) {
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
  }
}
