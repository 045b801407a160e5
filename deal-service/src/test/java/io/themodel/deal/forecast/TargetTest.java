package io.themodel.deal.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.Money;
import io.themodel.events.deal.DealEvent;
import io.themodel.events.deal.TargetSet;
import io.themodel.platform.command.CommandRejected;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

  private static final Money TARGET = new Money(new BigDecimal("152540000"), "JPY");
  private final Target target = new Target();

  private List<DealEvent> given(List<DealEvent> history, Target.Set command) {
    return target.decide(command, target.fold(history), Clock.systemUTC());
  }

  @Test
  void a_target_is_set_about_no_lead_and_setting_the_same_amount_again_changes_nothing() {
    Target.Set set = new Target.Set("2026-Q2", null, null, TARGET, "fs-manager");
    TargetSet targetSet = new TargetSet("2026-Q2", null, null, TARGET, "fs-manager");
    assertThat(given(List.of(), set)).containsExactly(targetSet);
    assertThat(targetSet.leadId()).isNull();
    assertThat(
            given(
                List.of(targetSet),
                new Target.Set(
                    "2026-Q2", null, null, new Money(new BigDecimal("152540000.00"), "JPY"), "x")))
        .isEmpty();
    Money raised = new Money(new BigDecimal("160000000"), "JPY");
    assertThat(given(List.of(targetSet), new Target.Set("2026-Q2", null, null, raised, "cfo")))
        .containsExactly(new TargetSet("2026-Q2", null, null, raised, "cfo"));
  }

  @Test
  void a_target_must_be_positive() {
    assertThatThrownBy(
            () ->
                given(
                    List.of(),
                    new Target.Set(
                        "2026-Q2", null, "fs-tanaka", new Money(BigDecimal.ZERO, "JPY"), "x")))
        .isInstanceOfSatisfying(
            CommandRejected.class, r -> assertThat(r.field()).isEqualTo("amount"));
  }

  @Test
  void each_period_team_and_rep_has_its_own_target() {
    assertThat(Target.streamId("2026-Q2", null, null))
        .isNotEqualTo(Target.streamId("2026-Q2", null, "fs-tanaka"))
        .isNotEqualTo(Target.streamId("2026-Q2", "tokyo", null))
        .isNotEqualTo(Target.streamId("2026-Q3", null, null));
  }
}
