package io.themodel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A variable set on a container that the service never reads is a setting that silently does
 * nothing (a typo, or a key renamed since): every variable compose and Kubernetes set on a service
 * must be one it reads.
 */
class EnvironmentVariablesTest {

  @Test
  void the_variables_a_service_reads_come_from_its_references_and_its_keys() {
    Set<String> lead = ServiceConfiguration.environmentVariablesReadBy("lead-service");

    assertThat(lead)
        .contains("THEMODEL_PG_URL", "THEMODEL_LEAD_DB", "THEMODEL_KAFKA_BOOTSTRAP")
        .contains("QUARKUS_HTTP_PORT", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_USERNAME")
        .doesNotContain("THEMODEL_KPI_DB", "THEMODEL_LEAD_DATABASE");
    assertThat(ServiceConfiguration.environmentName("themodel.call-list.zone"))
        .isEqualTo("THEMODEL_CALL_LIST_ZONE");
  }

  @Test
  void every_variable_compose_sets_on_a_service_is_one_the_service_reads() {
    ComposeFile compose = ComposeFile.read();

    assertThat(compose.builtFromModules().values())
        .containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
    compose
        .builtFromModules()
        .forEach(
            (name, module) -> {
              Set<String> set = compose.environment(name).keySet();
              assertThat(set).as(name + " sets").isNotEmpty();
              assertThat(ServiceConfiguration.environmentVariablesReadBy(module))
                  .as("variables docker-compose.yml sets on " + name + " that it reads")
                  .containsAll(set);
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void every_variable_kubernetes_sets_on_a_service_is_one_the_service_reads(String overlay) {
    Manifests manifests = Manifests.overlay(overlay);
    for (Deployment deployment : manifests.all(Deployment.class)) {
      for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
        String service = container.getName();
        assertThat(Repository.SERVICES).contains(service);
        Set<String> set = new TreeSet<>();
        container.getEnv().stream().map(EnvVar::getName).forEach(set::add);
        for (EnvFromSource from : container.getEnvFrom()) {
          String prefix = from.getPrefix() == null ? "" : from.getPrefix();
          ConfigMap configMap = manifests.named(ConfigMap.class, from.getConfigMapRef().getName());
          configMap.getData().keySet().forEach(key -> set.add(prefix + key));
        }
        assertThat(set).as(service + " sets").isNotEmpty();
        assertThat(ServiceConfiguration.environmentVariablesReadBy(service))
            .as("variables " + overlay + " sets on " + service + " that it reads")
            .containsAll(set);
      }
    }
  }

  @Test
  void grafanas_provisioning_finds_every_variable_it_names_in_compose() throws IOException {
    String datasources =
        Files.readString(Repository.file("grafana/provisioning/datasources/themodel.yaml"));
    Set<String> named = new TreeSet<>();
    Matcher reference = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(datasources);
    while (reference.find()) {
      named.add(reference.group(1));
    }

    assertThat(named).isNotEmpty();
    assertThat(ComposeFile.read().environment("grafana"))
        .containsKeys(named.toArray(String[]::new));
  }
}
