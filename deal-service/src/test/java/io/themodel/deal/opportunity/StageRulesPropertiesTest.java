package io.themodel.deal.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.Money;
import io.themodel.events.deal.DealEvent;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.ExitCondition;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.platform.command.CommandRejected;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class StageRulesPropertiesTest {

  private static final UUID LEAD = UUID.randomUUID();
  private static final UUID OPPORTUNITY = UUID.randomUUID();
  private static final Money YEN = new Money(new BigDecimal("1000000"), "JPY");
  private final Opportunity opportunity = new Opportunity(OpportunityTest.RULES);

  private static List<DealEvent> valid() {
    return new ArrayList<>(
        List.of(
            new OpportunityOpened(LEAD, OPPORTUNITY, OpportunityKind.NEW_BUSINESS, "fs", null),
            new TossUpAccepted(LEAD, OPPORTUNITY, "fs")));
  }

  private List<DealEvent> move(List<DealEvent> history, DealStage to, Set<ExitCondition> checks) {
    return opportunity.decide(
        new Opportunity.ChangeStage(to, YEN, LocalDate.parse("2026-06-30"), checks, "fs"),
        opportunity.fold(history),
        Clock.systemUTC());
  }

  @Property
  void any_walk_through_the_stages_with_the_required_checks_is_recorded_move_by_move(
      @ForAll @Size(min = 1, max = 12) List<DealStage> walk) {
    List<DealEvent> history = valid();
    DealStage current = null;
    for (DealStage to : walk) {
      if (to == current) {
        continue;
      }
      List<DealEvent> moved = move(history, to, StageTable.required(current, to));
      DealStageChanged changed = (DealStageChanged) moved.get(0);
      assertThat(changed.from()).isEqualTo(current);
      assertThat(changed.to()).isEqualTo(to);
      assertThat(changed.probability()).isEqualTo(OpportunityTest.RULES.probabilityOf(to));
      history.addAll(moved);
      current = to;
    }
    assertThat(opportunity.fold(history).stage()).isEqualTo(current);
  }

  @Property
  void moving_backwards_never_needs_a_check(@ForAll DealStage from, @ForAll DealStage to) {
    if (to.ordinal() >= from.ordinal()) {
      return;
    }
    List<DealEvent> history = valid();
    history.addAll(move(history, from, StageTable.required(null, from)));
    assertThat(move(history, to, Set.of())).hasSize(1);
  }

  @Property
  void moving_forwards_with_any_required_check_missing_is_refused_naming_checks(
      @ForAll DealStage to, @ForAll ExitCondition left) {
    Set<ExitCondition> required = StageTable.required(null, to);
    if (!required.contains(left)) {
      return;
    }
    Set<ExitCondition> checks = EnumSet.copyOf(required);
    checks.remove(left);
    assertThatThrownBy(() -> move(valid(), to, checks))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> {
              assertThat(r.field()).isEqualTo("checks");
              assertThat(r.getMessage()).contains(left.name());
            });
  }
}
