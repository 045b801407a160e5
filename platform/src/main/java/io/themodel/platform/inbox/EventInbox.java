package io.themodel.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.themodel.events.CloudEvent;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.UnreadableEvent;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.correlation.CorrelationFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The idempotent consumer every service uses: reads a record as a CloudEvent of the catalogue and
 * applies it at most once, recording its event id in {@code processed_event} in the same
 * transaction as the effect. A record that cannot be read is thrown back as {@link
 * UnreadableEvent}, so the channel's dead-letter strategy parks it and consumption goes on.
 * Transient failures (database down, a concurrent append) are retried with back-off; an effect that
 * still fails after {@code themodel.consumer.max-attempts} goes to the dead-letter topic too.
 */
@ApplicationScoped
public class EventInbox {

  private static final Logger LOG = Logger.getLogger(EventInbox.class);

  private final DataSource dataSource;
  private final EventCodec codec;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Counter applied;
  private final Counter duplicates;
  private final Counter deadLettered;

  EventInbox(
      DataSource dataSource,
      EventCodec codec,
      Clock clock,
      MeterRegistry registry,
      @ConfigProperty(name = "themodel.consumer.max-attempts", defaultValue = "10") int maxAttempts,
      @ConfigProperty(name = "themodel.consumer.first-backoff", defaultValue = "PT0.1S")
          Duration firstBackoff) {
    this.dataSource = dataSource;
    this.codec = codec;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.applied = registry.counter("themodel.consumer.applied");
    this.duplicates = registry.counter("themodel.consumer.duplicates");
    this.deadLettered = registry.counter("themodel.consumer.dead.lettered");
  }

  /**
   * Applies the record's event with {@code effect} unless it was applied before.
   *
   * @throws UnreadableEvent when the record is not a valid event (it belongs in the DLQ)
   */
  public void receive(ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
    IncomingEvent incoming;
    try {
      incoming = read(record.topic(), record.value());
    } catch (UnreadableEvent unreadable) {
      deadLettered.increment();
      LOG.warnf(
          "dead-lettering %s-%d@%d: %s",
          record.topic(), record.partition(), record.offset(), unreadable.getMessage());
      throw unreadable;
    }
    applyAlone(incoming, effect);
  }

  /**
   * Applies the events of one poll's batch with {@code effect}, in one transaction, each at most
   * once: one statement records which were new, and {@code effect} gets those, in the batch's
   * order. A record that cannot be read is dead-lettered on its own and the rest go on. When the
   * batch's transaction fails, its events are applied one at a time as {@link #receive} does, so
   * only an event whose effect keeps failing ends in the DLQ.
   *
   * @return completes once the batch is acknowledged, every record applied or dead-lettered
   */
  public CompletionStage<Void> receiveAll(
      KafkaRecordBatch<String, String> batch, Consumer<List<IncomingEvent>> effect) {
    List<IncomingEvent> readable = new ArrayList<>();
    List<KafkaRecord<String, String>> readableRecords = new ArrayList<>();
    List<CompletableFuture<Void>> parked = new ArrayList<>();
    for (KafkaRecord<String, String> record : batch.getRecords()) {
      try {
        readable.add(read(record.getTopic(), record.getPayload()));
        readableRecords.add(record);
      } catch (UnreadableEvent unreadable) {
        deadLettered.increment();
        LOG.warnf("dead-lettering %s: %s", where(record), unreadable.getMessage());
        parked.add(record.nack(unreadable).toCompletableFuture());
      }
    }
    if (!readable.isEmpty()) {
      try {
        QuarkusTransaction.requiringNew().run(() -> applyAllOnce(readable, effect));
      } catch (RuntimeException failure) {
        LOG.warnf(
            "a batch of %d events failed (%s); applying them one at a time",
            readable.size(), failure.toString());
        for (int i = 0; i < readable.size(); i++) {
          try {
            applyAlone(readable.get(i), event -> effect.accept(List.of(event)));
          } catch (UnreadableEvent gaveUp) {
            parked.add(readableRecords.get(i).nack(gaveUp).toCompletableFuture());
          }
        }
      }
    }
    return CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new))
        .thenCompose(parkedAll -> batch.ack());
  }

  private static String where(KafkaRecord<String, String> record) {
    return record instanceof IncomingKafkaRecord<String, String> incoming
        ? record.getTopic() + "-" + record.getPartition() + "@" + incoming.getOffset()
        : record.getTopic() + "-" + record.getPartition();
  }

  /**
   * As {@link #receiveAll}, for an effect that reacts to one event at a time: the batch's new
   * events are applied one after the other in the batch's transaction, each with its correlation id
   * in the log.
   */
  public CompletionStage<Void> receiveEach(
      KafkaRecordBatch<String, String> batch, Consumer<IncomingEvent> effect) {
    return receiveAll(
        batch, events -> events.forEach(event -> correlated(event, () -> effect.accept(event))));
  }

  /** Applies one event in its own transaction, retried, with its correlation id in the log. */
  private void applyAlone(IncomingEvent incoming, Consumer<IncomingEvent> effect) {
    correlated(incoming, () -> applyWithRetries(incoming, effect));
  }

  private static void correlated(IncomingEvent incoming, Runnable work) {
    if (incoming.correlationId() != null) {
      MDC.put(CorrelationFilter.MDC_KEY, incoming.correlationId().toString());
    }
    try {
      work.run();
    } finally {
      MDC.remove(CorrelationFilter.MDC_KEY);
    }
  }

  private void applyWithRetries(IncomingEvent incoming, Consumer<IncomingEvent> effect) {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        QuarkusTransaction.requiringNew().run(() -> applyOnce(incoming, effect));
        return;
      } catch (NoReaction none) {
        // The command's own transaction boundary may have marked the transaction rollback-only,
        // and a rejected command must leave nothing behind anyway: it was rolled back, and the
        // event is recorded as processed on its own (it was retried until dead-lettered before).
        LOG.infof(
            "%s %s needs no reaction: %s",
            incoming.type().simpleName(), incoming.eventId(), none.getCause().getMessage());
        QuarkusTransaction.requiringNew().run(() -> markProcessed(incoming));
        return;
      } catch (RuntimeException failure) {
        if (attempt >= maxAttempts) {
          deadLettered.increment();
          LOG.errorf(
              failure, "giving up on event %s after %d attempts", incoming.eventId(), attempt);
          throw new UnreadableEvent("effect failed " + attempt + " times: " + failure, failure);
        }
        LOG.warnf(
            "event %s attempt %d failed (%s); retrying in %s",
            incoming.eventId(), attempt, failure.toString(), backoff);
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                ? Duration.ofSeconds(5)
                : backoff.multipliedBy(2);
      }
    }
  }

  private IncomingEvent read(String topic, String value) {
    CloudEvent envelope = codec.read(value);
    DomainEvent event = codec.decode(envelope);
    return new IncomingEvent(
        envelope.id(),
        EventType.of(event),
        envelope.time(),
        envelope.correlationid(),
        topic,
        event);
  }

  private void applyOnce(IncomingEvent incoming, Consumer<IncomingEvent> effect) {
    if (!markProcessed(incoming)) {
      duplicates.increment();
      return;
    }
    try {
      effect.accept(incoming);
      applied.increment();
    } catch (CommandRejected rejected) {
      // The event is handled: this department has nothing to do with it in its current state.
      throw new NoReaction(rejected);
    }
  }

  private void applyAllOnce(List<IncomingEvent> events, Consumer<List<IncomingEvent>> effect) {
    Set<UUID> fresh = markAllProcessed(events);
    List<IncomingEvent> firstTime = new ArrayList<>(fresh.size());
    for (IncomingEvent event : events) {
      if (fresh.remove(event.eventId())) { // a second copy in the same batch is a duplicate too
        firstTime.add(event);
      }
    }
    duplicates.increment(events.size() - firstTime.size());
    if (!firstTime.isEmpty()) {
      effect.accept(firstTime);
      applied.increment(firstTime.size());
    }
  }

  /** The effect's command was rejected: the event needs no reaction here. */
  private static final class NoReaction extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoReaction(CommandRejected rejected) {
      super(rejected.getMessage(), rejected, false, false);
    }
  }

  /** Records the event as processed; false if it was before. */
  private boolean markProcessed(IncomingEvent incoming) {
    return !markAllProcessed(List.of(incoming)).isEmpty();
  }

  /** Records the events as processed in one statement; returns the ids that were not before. */
  private Set<UUID> markAllProcessed(List<IncomingEvent> events) {
    Map<UUID, String> topics = new LinkedHashMap<>();
    events.forEach(event -> topics.putIfAbsent(event.eventId(), event.topic()));
    try (Connection connection = dataSource.getConnection()) {
      return ProcessedEvents.mark(connection, clock.instant(), topics);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot record " + events.size() + " processed events from " + events.get(0).eventId(),
          e);
    }
  }

  private static void sleep(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying", e);
    }
  }
}
