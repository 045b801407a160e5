package io.themodel.lead;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: system time, moved forward by a test (and back with {@link
 * #reset()}) to run time-driven jobs such as score decay without waiting.
 */
public final class AdjustableClock extends Clock {

  private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

  public static void advance(Duration by) {
    OFFSET.updateAndGet(offset -> offset.plus(by));
  }

  public static void reset() {
    OFFSET.set(Duration.ZERO);
  }

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
    return Instant.now().plus(OFFSET.get());
  }

  /** Replaces the platform's system clock for the whole test application. */
  @ApplicationScoped
  public static class Producer {

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
      return new AdjustableClock();
    }
  }
}
