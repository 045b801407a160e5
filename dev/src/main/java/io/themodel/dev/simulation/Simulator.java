package io.themodel.dev.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Runs the simulated company on the platform day by day: moves the five services' clocks to the
 * morning of the next working day, carries out the day's actions through REST, and waits until the
 * platform has settled before the next day. Weekends pass without work.
 */
public final class Simulator {

  /** Business hours start here: every event of a simulated day is stamped from this time on. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private static final LocalTime MORNING = LocalTime.of(10, 0);

  /** Told after every simulated day. */
  @FunctionalInterface
  public interface Progress {
    void day(LocalDate day, int done, int total, Tally tally);
  }

  private final Simulation simulation;
  private final PlatformGateway platform;

  public Simulator(Simulation simulation, PlatformGateway platform) {
    this.simulation = simulation;
    this.platform = platform;
  }

  /** The first day a run can simulate: the day after the latest clock of the five services. */
  public static LocalDate firstDayAfter(Instant clock) {
    return clock.atZone(ZONE).toLocalDate().plusDays(1);
  }

  /** The morning of a simulated day, as the services' clocks show it. */
  public static Instant morningOf(LocalDate day) {
    return day.atTime(MORNING).atZone(ZONE).toInstant();
  }

  /**
   * Simulates the days from {@code first} (inclusive) to {@code end} (exclusive) and returns the
   * tally; the clocks end on the morning of {@code end}.
   */
  public Tally run(LocalDate first, LocalDate end, Progress progress) {
    int total = (int) ChronoUnit.DAYS.between(first, end);
    int done = 0;
    for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
      if (Simulation.isWorkingDay(day)) {
        platform.setClocks(morningOf(day));
        List<Action> actions = simulation.planDay(day);
        platform.execute(actions);
      }
      progress.day(day, ++done, total, simulation.tally());
    }
    platform.setClocks(morningOf(end));
    return simulation.tally();
  }
}
