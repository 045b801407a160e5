package io.themodel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-compose.yml without Docker: what can be checked of it statically. */
class ComposeFileTest {

  private final ComposeFile compose = ComposeFile.read();

  @Test
  void every_service_is_built_from_a_non_root_image_with_a_readiness_health_check()
      throws IOException {
    for (String module : Repository.SERVICES) {
      String dockerfile =
          Files.readString(Repository.file(module + "/src/main/docker/Dockerfile.jvm"));

      assertThat(dockerfile).as(module).contains("USER 185", "HEALTHCHECK", "/q/health/ready");
      assertThat(dockerfile).as(module).contains("-pl " + module + " ");
      assertThat(dockerfile).as(module).contains("/src/" + module + "/target/quarkus-app/");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_services_start_after_postgresql_is_healthy_and_the_topics_exist() {
    compose
        .builtFromModules()
        .forEach(
            (name, module) -> {
              Map<String, Map<String, String>> dependsOn =
                  (Map<String, Map<String, String>>) compose.service(name).get("depends_on");
              assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
              assertThat(dependsOn.get("kafka-topics"))
                  .containsEntry("condition", "service_completed_successfully");
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void every_service_publishes_the_port_it_listens_on() {
    compose
        .builtFromModules()
        .forEach(
            (name, module) -> {
              String port =
                  compose.environment(name).entrySet().stream()
                      .filter(e -> e.getKey().matches("THEMODEL_[A-Z]+_PORT"))
                      .map(Map.Entry::getValue)
                      .findFirst()
                      .orElseThrow();
              assertThat((List<String>) compose.service(name).get("ports"))
                  .as(name)
                  .contains(port + ":" + port);
            });
  }

  @Test
  void prometheus_scrapes_every_service_on_its_port() throws IOException {
    String prometheus = Files.readString(Repository.file("prometheus/prometheus.yml"));
    compose
        .builtFromModules()
        .forEach(
            (name, module) -> {
              String port =
                  compose.environment(name).entrySet().stream()
                      .filter(e -> e.getKey().matches("THEMODEL_[A-Z]+_PORT"))
                      .map(Map.Entry::getValue)
                      .findFirst()
                      .orElseThrow();
              assertThat(prometheus).contains("\"" + name + ":" + port + "\"");
            });
    assertThat(prometheus).contains("metrics_path: /q/metrics");
  }

  @Test
  void the_postgres_init_script_creates_every_services_database() throws IOException {
    String init = Files.readString(Repository.file("compose/postgres/init-databases.sql"));
    for (String database : List.of("lead", "\"is\"", "deal", "success", "kpi")) {
      assertThat(init).contains("create database " + database + ";");
    }
  }
}
