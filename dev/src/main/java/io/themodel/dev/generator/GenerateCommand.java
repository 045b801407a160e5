package io.themodel.dev.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./themodel generate --events N --bootstrap host:port --seed S --from 2025-01-01T00:00:00Z
 * --months M}: writes a generated event log straight to the four topics and prints how fast.
 */
public final class GenerateCommand {

  private GenerateCommand() {}

  /** Parses the options and runs; returns the exit code. */
  public static int run(List<String> options) {
    long events = 1_000_000;
    String bootstrap = System.getenv().getOrDefault("THEMODEL_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    long seed = 1;
    Instant from = Instant.parse("2025-01-01T00:00:00Z");
    int months = 12;
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      String value = i + 1 < options.size() ? options.get(i + 1) : null;
      if (value == null) {
        System.err.println(option + " needs a value");
        return 2;
      }
      switch (option) {
        case "--events" -> events = Long.parseLong(value.replace("_", ""));
        case "--bootstrap" -> bootstrap = value;
        case "--seed" -> seed = Long.parseLong(value);
        case "--from" -> from = Instant.parse(value);
        case "--months" -> months = Integer.parseInt(value);
        default -> {
          System.err.println("unknown option " + option);
          return 2;
        }
      }
      i++;
    }
    Report report = write(events, bootstrap, seed, from, Duration.ofDays(30L * months));
    System.out.printf(
        "Wrote %,d events of %,d journeys (%,.1f MB) to %s in %.1f s: %,.0f events/s%n",
        report.events(),
        report.journeys(),
        report.bytes() / 1e6,
        bootstrap,
        report.seconds(),
        report.events() / report.seconds());
    return 0;
  }

  /** What a run wrote, and how long it took (generation and acknowledged sending). */
  public record Report(long events, long journeys, long bytes, double seconds) {}

  /** Generates {@code events} records and sends them, waiting until the broker acknowledged all. */
  public static Report write(
      long events, String bootstrap, long seed, Instant from, Duration span) {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    settings.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    EventLogGenerator generator = new EventLogGenerator(seed, from, span);
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong bytes = new AtomicLong();
    long started = System.nanoTime();
    long written;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
      written =
          generator.generate(
              events,
              record -> {
                bytes.addAndGet(record.value().length());
                producer.send(
                    new ProducerRecord<>(record.topic(), record.key(), record.value()),
                    (metadata, error) -> {
                      if (error != null) {
                        failure.compareAndSet(null, error);
                      }
                    });
              });
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the broker refused a record", failure.get());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Report(written, generator.journeys(), bytes.get(), seconds);
  }
}
