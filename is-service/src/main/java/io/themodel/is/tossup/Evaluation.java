package io.themodel.is.tossup;

import java.util.ArrayList;
import java.util.List;

/**
 * What a toss-up rule version said about a lead: pass or fail, and the conditions that decided (all
 * the conditions when it passed; the unmet conditions and the exclusions that applied when it
 * failed).
 */
public record Evaluation(
    String ruleVersion,
    boolean passed,
    List<ConditionResult> decidedBy,
    List<ConditionResult> conditions,
    List<ConditionResult> exclusions,
    Capacity capacity) {

  /**
   * One condition or exclusion: where it is in the version ({@code conditions[1]}), what it tests,
   * whether it holds for the lead, and why.
   */
  public record ConditionResult(String condition, String field, boolean holds, String detail) {

    /**
     * How events and problems name it: {@code conditions[1] EMPLOYEES}, {@code capacity normal}.
     */
    public String label() {
      return condition + " " + field;
    }
  }

  /**
   * The field rep's load: their open deals picked {@code loadBand}, which asks for {@code
   * minBantItems} BANT items; the lead has {@code bantItemsMet}.
   */
  public record Capacity(
      String fieldRep,
      long openDeals,
      String loadBand,
      int maxOpenDeals,
      int minBantItems,
      int bantItemsMet,
      boolean holds) {

    ConditionResult asResult() {
      return new ConditionResult(
          "capacity",
          loadBand,
          holds,
          fieldRep
              + " holds "
              + openDeals
              + " open deals: load band "
              + loadBand
              + " needs "
              + minBantItems
              + " BANT items, the lead has "
              + bantItemsMet);
    }
  }

  /** This evaluation with the field rep's capacity as one more deciding condition. */
  public Evaluation withCapacity(Capacity capacity) {
    boolean pass = passed && capacity.holds();
    List<ConditionResult> decided = new ArrayList<>();
    if (pass || !passed) {
      decided.addAll(decidedBy);
    }
    if (pass || !capacity.holds()) {
      decided.add(capacity.asResult());
    }
    return new Evaluation(ruleVersion, pass, decided, conditions, exclusions, capacity);
  }

  /** The labels of the deciding results, for a failed evaluation. */
  public List<String> failedLabels() {
    return passed ? List.of() : decidedBy.stream().map(ConditionResult::label).toList();
  }
}
