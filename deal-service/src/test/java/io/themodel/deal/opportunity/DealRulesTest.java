package io.themodel.deal.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.deal.DealStage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealRulesTest {

  private static DealRules rules(
      List<String> rejection, List<String> loss, Map<DealStage, Integer> probability) {
    return DealRules.configured(rejection, loss, probability);
  }

  private static Map<DealStage, Integer> probabilities() {
    Map<DealStage, Integer> probability = new EnumMap<>(DealStage.class);
    probability.put(DealStage.FIRST_PROPOSAL, 20);
    probability.put(DealStage.MAIN_PROPOSAL, 50);
    probability.put(DealStage.CLOSING, 80);
    probability.put(DealStage.WON, 100);
    return probability;
  }

  @Test
  void configured_rules_give_each_stage_its_probability() {
    DealRules rules = rules(List.of("NO_BUDGET"), List.of("PRICE"), probabilities());
    assertThat(rules.probabilityOf(DealStage.CLOSING)).isEqualTo(80);
  }

  @Test
  void a_stage_without_probability_stops_start_up_naming_its_key() {
    Map<DealStage, Integer> probability = probabilities();
    probability.remove(DealStage.CLOSING);
    assertThatThrownBy(() -> rules(List.of("A"), List.of("B"), probability))
        .hasMessageContaining("themodel.deal.stage-probability.closing");
  }

  @Test
  void a_probability_above_100_percent_stops_start_up_naming_its_key() {
    Map<DealStage, Integer> probability = probabilities();
    probability.put(DealStage.MAIN_PROPOSAL, 150);
    assertThatThrownBy(() -> rules(List.of("A"), List.of("B"), probability))
        .hasMessageContaining("themodel.deal.stage-probability.main-proposal");
  }

  @Test
  void an_empty_or_malformed_reason_list_stops_start_up_naming_its_key() {
    assertThatThrownBy(() -> rules(List.of(), List.of("PRICE"), probabilities()))
        .hasMessageContaining("themodel.deal.rejection-reasons");
    assertThatThrownBy(() -> rules(List.of("NO_BUDGET"), List.of("too pricey"), probabilities()))
        .hasMessageContaining("themodel.deal.loss-reasons");
  }
}
