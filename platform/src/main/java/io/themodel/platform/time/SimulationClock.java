package io.themodel.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that keeps ticking with the system clock but can be set forward, never back: the demo
 * simulator moves every service to the next simulated day with it. Only in use when {@code
 * themodel.clock.adjustable=true}; production runs on the plain system clock.
 */
public final class SimulationClock extends Clock {

  private final Clock system;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public SimulationClock(Clock system) {
    this.system = system;
  }

  /**
   * Moves the clock to {@code target} (it then keeps ticking from there).
   *
   * @throws ClockMovesBackwards if {@code target} is before the clock's current instant
   */
  public synchronized Instant setTo(Instant target) {
    Instant systemNow = system.instant();
    Instant current = systemNow.plus(offset.get());
    if (target.isBefore(current)) {
      throw new ClockMovesBackwards(current, target);
    }
    offset.set(Duration.between(systemNow, target));
    return target;
  }

  @Override
  public Instant instant() {
    return system.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    SimulationClock owner = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return owner.withZone(other);
      }

      @Override
      public Instant instant() {
        return owner.instant();
      }
    };
  }

  /** Refusal to set the clock to an instant before its current one. */
  public static final class ClockMovesBackwards extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClockMovesBackwards(Instant current, Instant target) {
      super("the clock never moves backwards: it is " + current + ", asked for " + target);
    }
  }
}
