package io.themodel.deal.opportunity;

import io.themodel.events.deal.DealStage;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the business tunes about deals, read from configuration: the reasons a rep may give for
 * rejecting a toss-up or losing a deal, and the win probability (percent) of each stage.
 */
public record DealRules(
    List<String> rejectionReasons, List<String> lossReasons, Map<DealStage, Integer> probability) {

  public DealRules {
    rejectionReasons = List.copyOf(rejectionReasons);
    lossReasons = List.copyOf(lossReasons);
    probability = Map.copyOf(new EnumMap<>(probability));
    for (DealStage stage : DealStage.values()) {
      Integer percent = probability.get(stage);
      if (percent == null || percent < 0 || percent > 100) {
        throw new IllegalArgumentException(
            "stage " + stage.code() + " needs a probability between 0 and 100");
      }
    }
  }

  /**
   * The rules as configured under {@code themodel.deal.*} (see {@link DealConfig}).
   *
   * @throws IllegalStateException naming the key of a missing or invalid setting
   */
  public static DealRules configured(
      List<String> rejectionReasons,
      List<String> lossReasons,
      Map<DealStage, Integer> stageProbability) {
    for (DealStage stage : DealStage.values()) {
      Integer percent = stageProbability.get(stage);
      if (percent == null || percent < 0 || percent > 100) {
        throw new IllegalStateException(
            "themodel.deal.stage-probability."
                + stage.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + " must be a percentage from 0 to 100 (stage "
                + stage.code()
                + ")");
      }
    }
    requireReasons("themodel.deal.rejection-reasons", rejectionReasons);
    requireReasons("themodel.deal.loss-reasons", lossReasons);
    return new DealRules(rejectionReasons, lossReasons, stageProbability);
  }

  private static void requireReasons(String key, List<String> reasons) {
    if (reasons.isEmpty() || reasons.stream().anyMatch(r -> !r.matches("[A-Z][A-Z0-9_]*"))) {
      throw new IllegalStateException(
          key + " must list at least one reason, each in UPPER_SNAKE_CASE: " + reasons);
    }
  }

  public int probabilityOf(DealStage stage) {
    return probability.get(stage);
  }

  boolean isRejectionReason(String reason) {
    return Set.copyOf(rejectionReasons).contains(reason);
  }

  boolean isLossReason(String reason) {
    return Set.copyOf(lossReasons).contains(reason);
  }
}
