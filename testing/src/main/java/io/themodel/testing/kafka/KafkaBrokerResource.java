package io.themodel.testing.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Wires the test JVM's real broker into a {@code @QuarkusTest}. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers());
  }

  @Override
  public void stop() {
    // The broker outlives each Quarkus application: one per test JVM, stopped at JVM exit.
  }
}
