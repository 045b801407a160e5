package io.themodel.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulationClockTest {

  /** A system clock that moves only when told to. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-04-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock system = new ManualClock();
  private final SimulationClock clock = new SimulationClock(system);

  @Test
  void set_forward_it_keeps_ticking_from_the_new_instant() {
    clock.setTo(Instant.parse("2026-09-01T00:00:00Z"));
    system.now = system.now.plus(Duration.ofSeconds(5));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-09-01T00:00:05Z"));
    assertThat(clock.withZone(ZoneId.of("Asia/Tokyo")).instant()).isEqualTo(clock.instant());
  }

  @Test
  void it_never_moves_backwards() {
    clock.setTo(Instant.parse("2026-09-01T00:00:00Z"));

    assertThatThrownBy(() -> clock.setTo(Instant.parse("2026-08-31T23:59:59Z")))
        .isInstanceOf(SimulationClock.ClockMovesBackwards.class)
        .hasMessageContaining("never moves backwards");
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
  }

  @Test
  void until_set_it_tells_the_system_time() {
    assertThat(clock.instant()).isEqualTo(system.now);
  }
}
