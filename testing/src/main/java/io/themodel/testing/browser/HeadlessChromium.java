package io.themodel.testing.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, for tests of pages the services serve: the DOM after the page's
 * scripts ran, or a screenshot. When Chromium is missing and we run as root, it is installed from
 * Debian's packages first (our machines reach them), so a fresh machine needs nothing by hand.
 */
public final class HeadlessChromium {

  private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

  private HeadlessChromium() {}

  /** The DOM of the page once its scripts have run for up to {@code budget} of virtual time. */
  public static String dom(String url, Duration budget) {
    return run(List.of("--virtual-time-budget=" + budget.toMillis(), "--dump-dom", url));
  }

  /** A PNG of the page at the given window size, after its scripts have run. */
  public static void screenshot(String url, Path png, int width, int height, Duration budget) {
    run(
        List.of(
            "--virtual-time-budget=" + budget.toMillis(),
            "--hide-scrollbars",
            "--window-size=" + width + "," + height,
            "--screenshot=" + png.toAbsolutePath(),
            url));
  }

  private static String run(List<String> arguments) {
    Path executable = installed();
    Path profile = null;
    try {
      profile = Files.createTempDirectory("chromium-profile-");
      List<String> command = new ArrayList<>();
      command.add(executable.toString());
      command.addAll(
          List.of(
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-quic",
              "--no-first-run",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--user-data-dir=" + profile));
      command.addAll(arguments);
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("chromium failed on " + arguments);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run chromium", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while chromium ran", e);
    } finally {
      if (profile != null) {
        deleteQuietly(profile);
      }
    }
  }

  /** Chromium's path, installing Debian's package first if it is missing. */
  public static synchronized Path installed() {
    if (Files.isExecutable(EXECUTABLE)) {
      return EXECUTABLE;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException(
          "Chromium is missing: install Debian's package (apt-get install chromium)");
    }
    apt("install", "-y", "--no-install-recommends", "chromium");
    if (!Files.isExecutable(EXECUTABLE)) {
      apt("update");
      apt("install", "-y", "--no-install-recommends", "chromium");
    }
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException("installing chromium did not give " + EXECUTABLE);
    }
    return EXECUTABLE;
  }

  private static void apt(String... arguments) {
    List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
    command.addAll(List.of(arguments));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run apt-get", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing chromium", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
