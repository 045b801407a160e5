package io.themodel.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now" for every service: UTC system time, replaced by a fixed or stepping clock
 * in tests. With {@code themodel.clock.adjustable=true} (off by default; only the local launcher
 * and the simulator's tests turn it on) it is a {@link SimulationClock} that {@code PUT /dev/clock}
 * sets forward.
 */
@ApplicationScoped
public class ClockProducer {

  private final Clock clock;

  ClockProducer(
      @ConfigProperty(name = "themodel.clock.adjustable", defaultValue = "false")
          boolean adjustable) {
    this.clock = adjustable ? new SimulationClock(Clock.systemUTC()) : Clock.systemUTC();
  }

  @Produces
  @DefaultBean
  @ApplicationScoped
  Clock clock() {
    return clock;
  }

  /** The adjustable clock, when this service runs with one. */
  Optional<SimulationClock> simulationClock() {
    return clock instanceof SimulationClock simulation ? Optional.of(simulation) : Optional.empty();
  }
}
