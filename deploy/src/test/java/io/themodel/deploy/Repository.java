package io.themodel.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository the deployment files live in, and its five services. */
final class Repository {

  /** The modules that run as services, each with its own image. */
  static final List<String> SERVICES =
      List.of("lead-service", "is-service", "deal-service", "success-service", "kpi-projector");

  private Repository() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }
}
