package io.themodel.success;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The tests' clock: system time until a test sets it, so scheduled logic runs on chosen days. */
public class MutableClock extends Clock {

  private static volatile Instant fixed;

  /** From now on, "now" is {@code instant}. */
  public static void set(Instant instant) {
    fixed = instant;
  }

  /** Back to system time. */
  public static void reset() {
    fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now == null ? Instant.now() : now;
  }

  /** Replaces the platform's clock in every test of this module. */
  public static class Producer {
    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Clock clock() {
      return new MutableClock();
    }
  }
}
