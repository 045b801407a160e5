package io.themodel.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;

/**
 * Typed models of the CloudNativePG resources we use ({@code postgresql.cnpg.io/v1} Cluster and
 * Database), field names as in the operator's API reference. No Java model of CloudNativePG is on
 * Maven Central, so these cover exactly the fields k8s/ sets: read with unknown fields failing, a
 * misspelt or unsupported field is an error, and using a new field means adding it here from the
 * API reference.
 */
final class CloudNativePg {

  private CloudNativePg() {}

  @JsonIgnoreProperties(ignoreUnknown = false)
  record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {}

  record ClusterSpec(
      Integer instances,
      String imageName,
      Storage storage,
      Bootstrap bootstrap,
      Managed managed,
      Monitoring monitoring,
      ResourceRequirements resources) {}

  record Storage(String size, String storageClass) {}

  record Bootstrap(InitDb initdb) {}

  record InitDb(String database, String owner, LocalObjectReference secret) {}

  record Managed(List<Role> roles) {}

  record Role(
      String name,
      String ensure,
      Boolean login,
      List<String> inRoles,
      LocalObjectReference passwordSecret) {}

  record Monitoring(Boolean enablePodMonitor) {}

  record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {}

  record DatabaseSpec(String name, String owner, LocalObjectReference cluster, String ensure) {}
}
