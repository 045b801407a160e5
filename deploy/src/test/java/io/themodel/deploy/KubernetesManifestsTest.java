package io.themodel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both overlays build with kustomize, parse as typed resources and say what operators need. */
class KubernetesManifestsTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void every_object_of_the_overlay_parses_as_its_typed_resource_without_unknown_fields(
      String overlay) {
    Manifests manifests = Manifests.overlay(overlay);

    assertThat(manifests.all(Deployment.class)).hasSize(Repository.SERVICES.size());
    assertThat(manifests.all(Kafka.class)).hasSize(1);
    assertThat(manifests.all(CloudNativePg.Cluster.class)).hasSize(1);
    assertThat(manifests.all(ServiceMonitor.class)).isNotEmpty();
    String namespace = "dev".equals(overlay) ? "themodel-dev" : "themodel";
    assertThat(manifests.all(HasMetadata.class))
        .filteredOn(o -> !"Namespace".equals(o.getKind()))
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(namespace));
  }

  @Test
  void a_field_the_model_does_not_know_is_an_error_not_a_silent_pass() {
    String misspelt =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          replicas: 1
          template:
            spec:
              containers:
                - name: x
                  image: x
                  readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
        """;
    String unmodelled =
        """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: x}
        """;

    assertThat(catchMessage(misspelt)).contains("readinesProbe");
    assertThat(catchMessage(unmodelled)).contains("example.com/v1/Widget");
  }

  private static String catchMessage(String yaml) {
    try {
      Manifests.parse(yaml);
      return "parsed";
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void every_service_runs_non_root_with_health_probes_and_resource_bounds(String overlay) {
    Manifests manifests = Manifests.overlay(overlay);
    for (String service : Repository.SERVICES) {
      Deployment deployment = manifests.named(Deployment.class, service);
      var pod = deployment.getSpec().getTemplate().getSpec();
      Container container = pod.getContainers().get(0);

      assertThat(container.getImage()).as(service).contains("themodel/" + service + ":");
      assertThat(path(container.getReadinessProbe())).as(service).isEqualTo("/q/health/ready");
      assertThat(path(container.getLivenessProbe())).as(service).isEqualTo("/q/health/live");
      assertThat(path(container.getStartupProbe())).as(service).isEqualTo("/q/health/started");
      assertThat(container.getPorts())
          .as(service)
          .anySatisfy(port -> assertThat(port.getName()).isEqualTo("http"));
      assertThat(container.getResources().getRequests()).as(service).containsKeys("cpu", "memory");
      assertThat(container.getResources().getLimits()).as(service).containsKey("memory");
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(service).isTrue();
      assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
          .as(service)
          .isFalse();
    }
  }

  private static String path(Probe probe) {
    return probe == null ? null : probe.getHttpGet().getPath();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void every_service_has_a_service_an_autoscaler_a_disruption_budget_and_a_network_policy(
      String overlay) {
    Manifests manifests = Manifests.overlay(overlay);
    for (String service : Repository.SERVICES) {
      Deployment deployment = manifests.named(Deployment.class, service);
      Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

      assertThat(podLabels)
          .as(service)
          .containsAllEntriesOf(manifests.named(Service.class, service).getSpec().getSelector());
      HorizontalPodAutoscaler hpa = manifests.named(HorizontalPodAutoscaler.class, service);
      assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
      assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
      assertThat(podLabels)
          .containsAllEntriesOf(
              manifests
                  .named(PodDisruptionBudget.class, service)
                  .getSpec()
                  .getSelector()
                  .getMatchLabels());
      NetworkPolicy policy = manifests.named(NetworkPolicy.class, service);
      assertThat(podLabels)
          .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
      assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    }
    // Prometheus finds the services by a label every one of them carries.
    Map<String, String> scraped =
        manifests.all(ServiceMonitor.class).get(0).getSpec().getSelector().getMatchLabels();
    assertThat(manifests.all(Service.class))
        .allSatisfy(s -> assertThat(s.getMetadata().getLabels()).containsAllEntriesOf(scraped));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void the_services_point_at_the_kafka_and_postgresql_the_manifests_create(String overlay) {
    Manifests manifests = Manifests.overlay(overlay);
    Map<String, String> platform = manifests.named(ConfigMap.class, "themodel-platform").getData();
    Kafka kafka = manifests.all(Kafka.class).get(0);
    CloudNativePg.Cluster cluster = manifests.all(CloudNativePg.Cluster.class).get(0);

    int port = kafka.getSpec().getKafka().getListeners().get(0).getPort();
    assertThat(platform.get("THEMODEL_KAFKA_BOOTSTRAP"))
        .isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + port);
    assertThat(platform.get("THEMODEL_PG_URL"))
        .isEqualTo("jdbc:postgresql://" + cluster.metadata().getName() + "-rw:5432");
    // Each service's database (its default name) is created: the initdb one or a Database.
    Set<String> databases =
        Stream.concat(
                Stream.of(cluster.spec().bootstrap().initdb().database()),
                manifests.all(CloudNativePg.Database.class).stream().map(d -> d.spec().name()))
            .collect(Collectors.toSet());
    assertThat(databases).containsExactlyInAnyOrder("lead", "is", "deal", "success", "kpi");
    // The credentials are the operator's secret for the owner of those databases.
    for (Deployment deployment : manifests.all(Deployment.class)) {
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      assertThat(container.getEnv())
          .filteredOn(e -> e.getName().startsWith("THEMODEL_PG_"))
          .extracting(EnvVar::getValueFrom)
          .allSatisfy(
              from ->
                  assertThat(from.getSecretKeyRef().getName())
                      .isEqualTo(cluster.metadata().getName() + "-app"));
    }
    assertThat(manifests.all(CloudNativePg.Database.class))
        .allSatisfy(
            d -> {
              assertThat(d.spec().cluster().getName()).isEqualTo(cluster.metadata().getName());
              assertThat(d.spec().owner()).isEqualTo(cluster.spec().bootstrap().initdb().owner());
            });
  }

  @Test
  void prod_runs_three_kafka_nodes_three_postgresql_instances_and_replicated_topics() {
    Manifests prod = Manifests.overlay("prod");
    KafkaNodePool pool = prod.all(KafkaNodePool.class).get(0);
    assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
    assertThat(pool.getSpec().getRoles())
        .containsExactlyInAnyOrder(ProcessRoles.BROKER, ProcessRoles.CONTROLLER);
    assertThat(prod.all(CloudNativePg.Cluster.class).get(0).spec().instances()).isEqualTo(3);
    assertThat(prod.all(KafkaTopic.class))
        .allSatisfy(
            topic -> {
              assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
              assertThat(topic.getSpec().getPartitions()).isEqualTo(12);
              assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
            });
    assertThat(
            prod.named(HorizontalPodAutoscaler.class, "kpi-projector").getSpec().getMaxReplicas())
        .as("the projector scales up to one instance per partition")
        .isEqualTo(12);
  }

  @Test
  void dev_runs_one_of_everything() {
    Manifests dev = Manifests.overlay("dev");
    assertThat(dev.all(KafkaNodePool.class).get(0).getSpec().getReplicas()).isEqualTo(1);
    assertThat(dev.all(CloudNativePg.Cluster.class).get(0).spec().instances()).isEqualTo(1);
    assertThat(dev.all(KafkaTopic.class))
        .allSatisfy(topic -> assertThat(topic.getSpec().getReplicas()).isEqualTo(1));
  }

  @Test
  void every_grafana_dashboard_is_in_the_dashboards_config_map() throws IOException {
    Set<String> dashboards;
    try (Stream<Path> files = Files.list(Repository.file("grafana/dashboards"))) {
      dashboards =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .collect(Collectors.toSet());
    }
    for (String overlay : Manifests.overlays()) {
      ConfigMap configMap =
          Manifests.overlay(overlay).named(ConfigMap.class, "themodel-grafana-dashboards");
      assertThat(configMap.getData().keySet()).as(overlay).isEqualTo(dashboards);
      assertThat(configMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    }
  }
}
