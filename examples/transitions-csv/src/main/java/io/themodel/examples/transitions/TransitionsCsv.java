package io.themodel.examples.transitions;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An analytics consumer of The Model's topics, written to be copied: a plain Kafka consumer in a
 * consumer group of its own reads the four department topics from the earliest offset up to the end
 * they had when it started, and writes every lead's stage transitions as CSV.
 *
 * <pre>
 * java -cp 'target/transitions-csv.jar:target/lib/*' io.themodel.examples.transitions.TransitionsCsv \
 *     [--bootstrap localhost:19092] [--group analytics-transitions-csv] [--out transitions.csv]
 * </pre>
 *
 * It commits no offsets: each run is a whole export. An incremental load would commit after
 * writing, and keep the last stage of each lead to continue from.
 */
public final class TransitionsCsv {

  public static final List<String> TOPICS =
      List.of("themodel.lead.v1", "themodel.is.v1", "themodel.deal.v1", "themodel.success.v1");

  static final String HEADER =
      "lead_id,from_stage,to_stage,occurred_at,hours_in_from_stage,event_type,event_id";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrapServers;
  private final String groupId;

  public TransitionsCsv(String bootstrapServers, String groupId) {
    this.bootstrapServers = bootstrapServers;
    this.groupId = groupId;
  }

  public static void main(String[] args) throws IOException {
    String bootstrap = "localhost:19092";
    String group = "analytics-transitions-csv";
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--bootstrap" -> bootstrap = args[i + 1];
        case "--group" -> group = args[i + 1];
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    TransitionsCsv export = new TransitionsCsv(bootstrap, group);
    try (Writer writer =
        out == null
            ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
            : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      int rows = export.writeCsv(writer);
      System.err.println(rows + " transitions" + (out == null ? "" : " written to " + out));
    }
  }

  /** Reads the topics up to their current end and writes the CSV; returns the number of rows. */
  public int writeCsv(Writer writer) {
    StageTransitions transitions = new StageTransitions();
    readUpToTheEnd(transitions);
    PrintWriter out = new PrintWriter(writer);
    out.println(HEADER);
    List<StageTransitions.Transition> rows = transitions.transitions();
    for (StageTransitions.Transition t : rows) {
      out.println(
          String.join(
              ",",
              t.leadId(),
              t.fromStage() == null ? "" : t.fromStage(),
              t.toStage(),
              t.occurredAt().toString(),
              t.timeInFromStage() == null
                  ? ""
                  : String.format(
                      java.util.Locale.ROOT, "%.1f", t.timeInFromStage().toMinutes() / 60.0),
              t.eventType(),
              t.eventId()));
    }
    out.flush();
    return rows.size();
  }

  private void readUpToTheEnd(StageTransitions transitions) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .forEach(partitions::add);
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      consumer.subscribe(TOPICS);
      while (!caughtUp(consumer, end)) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          try {
            transitions.add(JSON.readTree(record.value()));
          } catch (IOException | RuntimeException e) {
            // Not a CloudEvent we can read: an analytics export skips it (the services dead-letter
            // such records themselves).
            System.err.println(
                "skipped " + record.topic() + "@" + record.offset() + ": " + e.getMessage());
          }
        }
      }
    }
  }

  private static boolean caughtUp(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    if (!consumer.assignment().containsAll(end.keySet())) {
      return false;
    }
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private Properties config() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return config;
  }
}
