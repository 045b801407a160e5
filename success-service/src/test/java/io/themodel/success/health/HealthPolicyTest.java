package io.themodel.success.health;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HealthPolicyTest {

  private static HealthPolicy policy(int usageWeight, int healthy, int risk, int dropPercent) {
    return new HealthPolicy(
        new HealthPolicy.Weights(usageWeight, 30, 20, 20),
        30,
        healthy,
        risk,
        dropPercent,
        14,
        6,
        90,
        10);
  }

  @Test
  void the_shipped_defaults_are_a_valid_policy() {
    assertThatCode(() -> policy(30, 70, 40, 30)).doesNotThrowAnyException();
  }

  @Test
  void a_bad_value_stops_the_service_naming_its_key() {
    assertThatThrownBy(() -> policy(-1, 70, 40, 30))
        .hasMessageContaining("themodel.health.weights.usage");
    assertThatThrownBy(() -> policy(30, 70, 80, 30))
        .hasMessageContaining("themodel.health.risk-threshold");
    assertThatThrownBy(() -> policy(30, 101, 40, 30))
        .hasMessageContaining("themodel.health.healthy-threshold");
    assertThatThrownBy(() -> policy(30, 70, 40, 0))
        .hasMessageContaining("themodel.health.usage-drop-percent");
  }
}
