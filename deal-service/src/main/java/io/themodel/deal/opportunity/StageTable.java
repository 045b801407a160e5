package io.themodel.deal.opportunity;

import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.ExitCondition;
import java.util.EnumSet;
import java.util.Set;

/**
 * The stage table's exit conditions for Field Sales' stages: what must be true to leave a stage
 * forwards. Moving backwards needs nothing; skipping needs the exit conditions of every stage it
 * passes.
 */
public final class StageTable {

  private StageTable() {}

  /** What must be true to leave this stage forwards. */
  public static Set<ExitCondition> exitConditionsOf(DealStage stage) {
    switch (stage) {
      case FIRST_PROPOSAL:
        return EnumSet.of(ExitCondition.BANT);
      case MAIN_PROPOSAL:
        return EnumSet.of(ExitCondition.QUOTE_PRESENTED);
      case CLOSING:
        return EnumSet.of(ExitCondition.BUDGET_SECURED, ExitCondition.ORDER_CONDITIONS_OBTAINED);
      case WON:
        return EnumSet.of(ExitCondition.ORDER_FORM_RECEIVED);
      default:
        throw new IllegalArgumentException("unknown stage " + stage);
    }
  }

  /**
   * What must be true to move from {@code from} (null: a valid opportunity without a stage yet) to
   * {@code to}: the exit conditions of every stage left forwards on the way, none going backwards.
   */
  public static Set<ExitCondition> required(DealStage from, DealStage to) {
    Set<ExitCondition> required = EnumSet.noneOf(ExitCondition.class);
    int start = from == null ? 0 : from.ordinal();
    for (int i = start; i < to.ordinal(); i++) {
      required.addAll(exitConditionsOf(DealStage.values()[i]));
    }
    return required;
  }
}
