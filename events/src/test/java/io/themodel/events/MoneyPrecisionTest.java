package io.themodel.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.deal.DealWon;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyPrecisionTest {

  private final EventCodec codec = new EventCodec();

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "0.00", "48000.50", "1200000", "0.1", "98765432109876543.21", "1E+3"})
  void a_money_amount_keeps_its_exact_value_and_scale_through_the_codec(String amount) {
    DealWon won =
        new DealWon(
            TypicalEvents.LEAD,
            TypicalEvents.OPPORTUNITY,
            new Money(new BigDecimal(amount), "EUR"),
            LocalDate.parse("2026-06-01"),
            12);

    String value =
        codec.write(
            TypicalEvents.envelope(EventType.DEAL_WON, codec.parseData(codec.writeData(won))));
    DealWon decoded = (DealWon) codec.decode(codec.read(value));

    assertThat(decoded.amount().amount()).isEqualTo(new BigDecimal(amount));
    assertThat(decoded).isEqualTo(won);
  }
}
