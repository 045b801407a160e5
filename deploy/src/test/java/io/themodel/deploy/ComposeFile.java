package io.themodel.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as data (anchors resolved), and which of its services run our images. */
final class ComposeFile {

  private final Map<String, Map<String, Object>> services;

  private ComposeFile(Map<String, Map<String, Object>> services) {
    this.services = services;
  }

  @SuppressWarnings("unchecked")
  static ComposeFile read() {
    try (Reader reader =
        Files.newBufferedReader(Repository.file("docker-compose.yml"), StandardCharsets.UTF_8)) {
      Map<String, Object> compose = new Yaml().load(reader);
      return new ComposeFile((Map<String, Map<String, Object>>) compose.get("services"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> service(String name) {
    Map<String, Object> service = services.get(name);
    if (service == null) {
      throw new AssertionError("docker-compose.yml has no service " + name);
    }
    return service;
  }

  /** Compose service name to module, for the services built from a module's Dockerfile.jvm. */
  @SuppressWarnings("unchecked")
  Map<String, String> builtFromModules() {
    Map<String, String> modules = new LinkedHashMap<>();
    services.forEach(
        (name, service) -> {
          if (service.get("build") instanceof Map<?, ?> build
              && build.get("dockerfile") instanceof String dockerfile
              && dockerfile.endsWith("/src/main/docker/Dockerfile.jvm")) {
            modules.put(name, dockerfile.substring(0, dockerfile.indexOf('/')));
          }
        });
    return modules;
  }

  /** The environment a service sets, as a map whichever of compose's two forms it uses. */
  @SuppressWarnings("unchecked")
  Map<String, String> environment(String name) {
    Object environment = service(name).get("environment");
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> map) {
      map.forEach((k, v) -> variables.put(String.valueOf(k), String.valueOf(v)));
    } else if (environment instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = String.valueOf(entry).split("=", 2);
        variables.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    return variables;
  }
}
