package io.themodel.success.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnboardingChecklistValidationTest {

  @Test
  void an_empty_checklist_is_valid() {
    assertThat(OnboardingChecklist.validated(List.of())).isEmpty();
  }

  @Test
  void a_step_that_is_not_a_slug_stops_the_service_naming_the_key() {
    assertThatThrownBy(() -> OnboardingChecklist.validated(List.of("kickoff", "Admin Training")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("themodel.onboarding.checklist")
        .hasMessageContaining("Admin Training");
  }

  @Test
  void a_step_listed_twice_stops_the_service_naming_the_key() {
    assertThatThrownBy(() -> OnboardingChecklist.validated(List.of("kickoff", "kickoff")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("themodel.onboarding.checklist")
        .hasMessageContaining("twice");
  }
}
