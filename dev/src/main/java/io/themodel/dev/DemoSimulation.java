package io.themodel.dev;

import io.themodel.dev.simulation.PlatformGateway;
import io.themodel.dev.simulation.Simulation;
import io.themodel.dev.simulation.SimulationConfig;
import io.themodel.dev.simulation.Simulator;
import io.themodel.dev.simulation.Tally;
import io.themodel.testing.journey.JourneyDriver;
import io.themodel.testing.process.ServiceProcess.Service;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator as the terminal runs it: {@code ./themodel up} simulates a few weeks, {@code
 * ./themodel demo --months N [--seed S] [--set key=value]} fast-forwards N months with a progress
 * bar, then prints the summary table and the projector's funnel. The last simulated instant is kept
 * in {@code .themodel/clock}, so that a restarted platform is set forward to it again.
 */
final class DemoSimulation {

  private static final int BAR = 30;

  private final Path clockFile;
  private final PrintStream out;

  DemoSimulation(Path state, PrintStream out) {
    this.clockFile = state.resolve("clock");
    this.out = out;
  }

  /**
   * Options of {@code demo}: {@code --months N}, {@code --days N}, {@code --seed S}, {@code --set
   * k=v}.
   */
  record Options(int months, int days, long seed, Map<String, String> overrides) {

    static Options parse(List<String> options, int defaultDays) {
      int months = 0;
      int days = 0;
      long seed = 1;
      Map<String, String> overrides = new LinkedHashMap<>();
      for (int i = 0; i < options.size(); i++) {
        String option = options.get(i);
        if (!option.startsWith("--") || option.equals("--no-demo") || option.equals("--fresh")) {
          continue;
        }
        if (i + 1 >= options.size()) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = options.get(++i);
        switch (option) {
          case "--months" -> months = positive(option, value);
          case "--days" -> days = positive(option, value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--set" -> {
            int equals = value.indexOf('=');
            if (equals < 1) {
              throw new IllegalArgumentException("--set takes key=value, not " + value);
            }
            overrides.put(value.substring(0, equals), value.substring(equals + 1));
          }
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if (months == 0 && days == 0) {
        days = defaultDays;
      }
      return new Options(months, days, seed, overrides);
    }

    private static int positive(String option, String value) {
      int number = Integer.parseInt(value);
      if (number < 1) {
        throw new IllegalArgumentException(option + " must be at least 1");
      }
      return number;
    }
  }

  /** Each service on 127.0.0.1 at its configured port. */
  static Map<Service, URI> localServices() {
    Map<Service, URI> services = new EnumMap<>(Service.class);
    for (Service service : Service.values()) {
      services.put(service, URI.create("http://127.0.0.1:" + service.configuredPort()));
    }
    return services;
  }

  /** Moves a (re)started platform's clocks to the last simulated instant, if it is ahead. */
  void restoreClock(Map<Service, URI> services) {
    if (!Files.exists(clockFile)) {
      return;
    }
    try (PlatformGateway platform = new PlatformGateway(services, 1)) {
      Instant saved = Instant.parse(Files.readString(clockFile, StandardCharsets.UTF_8).trim());
      if (saved.isAfter(platform.clock())) {
        platform.setClocks(saved);
        out.println("Clocks set forward to the last simulated time, " + saved);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the simulation on the local platform; returns the exit code. */
  int run(Options options) {
    Map<Service, URI> services = localServices();
    SimulationConfig config = SimulationConfig.withOverrides(options.overrides());
    JourneyDriver driver = JourneyDriver.local();
    Map<String, Long> before = driver.funnel();
    try (PlatformGateway platform = new PlatformGateway(services, 4)) {
      LocalDate first = Simulator.firstDayAfter(platform.clock());
      LocalDate end = first.plusMonths(options.months()).plusDays(options.days());
      out.printf(
          "Simulating %s to %s (seed %d) on the platform's clock ...%n",
          first, end.minusDays(1), options.seed());
      Simulator simulator = new Simulator(new Simulation(config, options.seed()), platform);
      long started = System.nanoTime();
      Tally tally = simulator.run(first, end, this::progress);
      saveClock(Simulator.morningOf(end));
      out.printf(
          "%nSimulated %d days in %.0f s.%n",
          java.time.temporal.ChronoUnit.DAYS.between(first, end),
          (System.nanoTime() - started) / 1e9);
      tally.print(out, "JPY");
      Map<String, Long> expected = tally.funnel();
      out.println();
      out.println("Waiting for the projector to count it all ...");
      Map<String, Long> funnel =
          driver.awaitFunnel(
              stages ->
                  expected.entrySet().stream()
                      .allMatch(
                          stage ->
                              stages.getOrDefault(stage.getKey(), 0L)
                                  >= before.getOrDefault(stage.getKey(), 0L) + stage.getValue()));
      printFunnel(funnel);
      return 0;
    }
  }

  private void progress(LocalDate day, int done, int total, Tally tally) {
    int filled = (int) ((long) BAR * done / total);
    out.printf(
        "\r  [%s%s] %3d%%  %s  leads %d  MQL %d  toss-ups %d  won %d ",
        "#".repeat(filled),
        ".".repeat(BAR - filled),
        100 * done / total,
        day,
        tally.leadsCaptured(),
        tally.reached("MQL"),
        tally.reached("TOSSED_UP"),
        tally.reached("WON"));
    out.flush();
  }

  private void printFunnel(Map<String, Long> funnel) {
    out.println("Funnel as the projector counts it (all runs so far):");
    long widest = Math.max(1, funnel.values().stream().mapToLong(Long::longValue).max().orElse(1));
    funnel.forEach(
        (stage, count) ->
            out.printf("  %-20s %6d  %s%n", stage, count, "#".repeat((int) (40 * count / widest))));
  }

  private void saveClock(Instant instant) {
    try {
      Files.createDirectories(clockFile.getParent());
      Files.writeString(clockFile, instant.toString() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
