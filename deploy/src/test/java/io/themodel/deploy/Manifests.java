package io.themodel.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An overlay of k8s/ built with {@link Kustomize} and every object read as its typed model: the
 * fabric8 Kubernetes model, Strimzi's {@code api}, the Prometheus operator's model (fabric8) and
 * {@link CloudNativePg}. An object of a kind without a model, or with a field its model does not
 * know, is an error.
 */
final class Manifests {

  private static final Map<String, Class<?>> TYPES =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
          Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
          Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
          Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
          Map.entry("postgresql.cnpg.io/v1/Cluster", CloudNativePg.Cluster.class),
          Map.entry("postgresql.cnpg.io/v1/Database", CloudNativePg.Database.class));

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final Map<String, Manifests> BUILT = new ConcurrentHashMap<>();

  private final List<Object> objects;

  private Manifests(List<Object> objects) {
    this.objects = objects;
  }

  /** The objects of {@code k8s/overlays/<overlay>}, built once per test JVM. */
  static Manifests overlay(String overlay) {
    return BUILT.computeIfAbsent(
        overlay, name -> parse(Kustomize.build(Repository.file("k8s/overlays/" + name))));
  }

  static Manifests parse(String yaml) {
    List<Object> objects = new ArrayList<>();
    try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null || document.isEmpty()) {
          continue;
        }
        String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<?> type = TYPES.get(key);
        String name = document.path("metadata").path("name").asText();
        if (type == null) {
          throw new IllegalStateException(key + " " + name + " has no typed model here");
        }
        Object typed;
        try {
          typed = STRICT.treeToValue(document, type);
        } catch (IOException e) {
          throw new IllegalStateException(key + " " + name + " does not parse: " + e.getMessage());
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(typed, key + " " + name, new IdentityHashMap<>(), unknown);
        if (!unknown.isEmpty()) {
          throw new IllegalStateException("fields its model does not know: " + unknown);
        }
        objects.add(typed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Manifests(List.copyOf(objects));
  }

  List<Object> all() {
    return objects;
  }

  <T> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T named(Class<T> type, String name) {
    return all(type).stream()
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  /**
   * The fabric8 and Strimzi models keep fields they do not know in {@code additionalProperties}
   * instead of failing: walk the object and collect every such field, with its path.
   */
  private static void unknownFields(
      Object value, String path, Map<Object, Boolean> seen, List<String> unknown) {
    if (value == null || seen.containsKey(value)) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      seen.put(value, true);
      map.forEach((k, v) -> unknownFields(v, path + "." + k, seen, unknown));
      return;
    }
    if (value instanceof Collection<?> collection) {
      seen.put(value, true);
      int i = 0;
      for (Object element : collection) {
        unknownFields(element, path + "[" + i++ + "]", seen, unknown);
      }
      return;
    }
    if (value instanceof Record) {
      seen.put(value, true);
      for (var component : value.getClass().getRecordComponents()) {
        try {
          unknownFields(
              component.getAccessor().invoke(value),
              path + "." + component.getName(),
              seen,
              unknown);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(e);
        }
      }
      return;
    }
    String pkg = value.getClass().getPackageName();
    if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
      return;
    }
    seen.put(value, true);
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || !getter.getName().startsWith("get")) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          unknown.add(path + " " + extra.keySet());
        }
      } else if (child != null && !(child instanceof Class<?>)) {
        unknownFields(child, path + "." + property(getter), seen, unknown);
      }
    }
  }

  private static String property(Method getter) {
    String name = getter.getName().substring(3);
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  static Set<String> overlays() {
    return Set.of("dev", "prod");
  }

  static Path overlayDir(String overlay) {
    return Repository.file("k8s/overlays/" + overlay);
  }
}
