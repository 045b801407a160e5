package io.themodel.is.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActivityFunnelTest {

  @Test
  void each_rate_is_a_step_over_the_step_before() {
    ActivityFunnel funnel = ActivityFunnel.of("is-suzuki", 200, 100, 40, 20, 10, 8);

    assertThat(funnel.connectRate()).isEqualTo(0.5);
    assertThat(funnel.contactRate()).isEqualTo(0.4);
    assertThat(funnel.nurturingRate()).isEqualTo(0.5);
    assertThat(funnel.tossUpRate()).isEqualTo(0.5);
    assertThat(funnel.validRate()).isEqualTo(0.8);
  }

  @Test
  void a_rate_after_an_empty_step_is_unknown_not_zero() {
    ActivityFunnel funnel = ActivityFunnel.of("is-new", 3, 0, 0, 0, 0, 0);

    assertThat(funnel.connectRate()).isEqualTo(0.0);
    assertThat(funnel.contactRate()).isNull();
    assertThat(funnel.validRate()).isNull();
  }

  @Test
  void the_team_adds_up_counts_and_takes_rates_from_the_sums() {
    ActivityFunnel team =
        ActivityFunnel.of("team", 0, 0, 0, 0, 0, 0)
            .plus(ActivityFunnel.of("a", 10, 5, 2, 1, 1, 1))
            .plus(ActivityFunnel.of("b", 30, 15, 8, 4, 3, 1));

    assertThat(team.rep()).isEqualTo("team");
    assertThat(team.calls()).isEqualTo(40);
    assertThat(team.connectRate()).isEqualTo(0.5);
    assertThat(team.validRate()).isEqualTo(0.5);
  }
}
