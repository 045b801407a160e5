package io.themodel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.themodel.dev.generator.GenerateCommand;
import io.themodel.events.Department;
import io.themodel.testing.process.ServiceProcess.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Replay: dev's generator writes a log of realistic journeys to the four topics; the reference is a
 * raw KafkaConsumer reading them from offset 0 (kafka-consumer-perf-test style), the figure is the
 * kpi-projector's {@code POST /rebuild} of the same log, as {@code GET /rebuild} reports it.
 */
final class ReplayBench {

  /** What was measured. */
  record Figures(
      long events,
      double generatorSeconds,
      long consumed,
      double consumerSeconds,
      long applied,
      double rebuildSeconds,
      String state) {

    double consumerPerSecond() {
      return consumed / consumerSeconds;
    }

    double rebuildPerSecond() {
      return applied / rebuildSeconds;
    }
  }

  private ReplayBench() {}

  static Figures run(BenchPlatform platform, BenchClient client, long events, Duration timeout)
      throws Exception {
    System.out.printf("  replay: writing a log of %,d events (dev's generator) ...%n", events);
    GenerateCommand.Report written =
        GenerateCommand.write(
            events,
            platform.bootstrapServers(),
            1,
            Instant.parse("2025-01-01T00:00:00Z"),
            Duration.ofDays(365));
    long consumerStarted = System.nanoTime();
    long consumed = rawConsumer(platform.bootstrapServers());
    double consumerSeconds = (System.nanoTime() - consumerStarted) / 1e9;
    System.out.printf(
        "  replay: raw consumer read %,d records in %.1f s%n", consumed, consumerSeconds);

    // The live consumers start at the topics' end, so that only the rebuild reads the log.
    platform.start(
        Service.KPI,
        Map.of(
            "MP_MESSAGING_INCOMING_LEAD_EVENTS_AUTO_OFFSET_RESET", "latest",
            "MP_MESSAGING_INCOMING_IS_EVENTS_AUTO_OFFSET_RESET", "latest",
            "MP_MESSAGING_INCOMING_DEAL_EVENTS_AUTO_OFFSET_RESET", "latest",
            "MP_MESSAGING_INCOMING_SUCCESS_EVENTS_AUTO_OFFSET_RESET", "latest"));
    var kpi = platform.uri(Service.KPI);
    client.startRebuild(kpi);
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastPrint = 0;
    JsonNode progress;
    while (true) {
      progress = client.rebuildProgress(kpi);
      String state = progress.get("state").asText();
      if (state.equals("DONE") || state.equals("FAILED")) {
        break;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      if (System.nanoTime() - lastPrint > Duration.ofSeconds(15).toNanos()) {
        lastPrint = System.nanoTime();
        System.out.printf(
            "  replay: rebuild %s, %,d applied, %s events/s%n",
            state, progress.get("eventsApplied").asLong(), progress.get("eventsPerSecond"));
      }
      BenchPlatform.sleep(200);
    }
    String state = progress.get("state").asText();
    Instant started = Instant.parse(progress.get("startedAt").asText());
    Instant finished =
        progress.hasNonNull("finishedAt")
            ? Instant.parse(progress.get("finishedAt").asText())
            : Instant.now();
    if (state.equals("FAILED")) {
      System.out.println("  replay: the rebuild FAILED: " + progress.get("error"));
    }
    return new Figures(
        events,
        written.seconds(),
        consumed,
        consumerSeconds,
        progress.get("eventsApplied").asLong(),
        Duration.between(started, finished).toMillis() / 1000.0,
        state);
  }

  /** Reads every partition of the four topics from offset 0 to its end; returns the count. */
  static long rawConsumer(String bootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // The rebuild's own consumer settings.
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-raw-consumer");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Department department : Department.values()) {
        var infos = consumer.partitionsFor(department.topic());
        if (infos != null) {
          infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long total = ends.values().stream().mapToLong(Long::longValue).sum();
      long consumed = 0;
      while (consumed < total) {
        consumed += consumer.poll(Duration.ofMillis(500)).count();
      }
      return consumed;
    }
  }
}
