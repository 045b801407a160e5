package io.themodel.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.themodel.events.CloudEvent;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.UnreadableEvent;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.correlation.CorrelationFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
      incoming = read(record);
    } catch (UnreadableEvent unreadable) {
      deadLettered.increment();
      LOG.warnf(
          "dead-lettering %s-%d@%d: %s",
          record.topic(), record.partition(), record.offset(), unreadable.getMessage());
      throw unreadable;
    }
    if (incoming.correlationId() != null) {
      MDC.put(CorrelationFilter.MDC_KEY, incoming.correlationId().toString());
    }
    try {
      applyWithRetries(incoming, effect);
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

  private IncomingEvent read(ConsumerRecord<String, String> record) {
    CloudEvent envelope = codec.read(record.value());
    DomainEvent event = codec.decode(envelope);
    return new IncomingEvent(
        envelope.id(),
        EventType.of(event),
        envelope.time(),
        envelope.correlationid(),
        record.topic(),
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

  /** The effect's command was rejected: the event needs no reaction here. */
  private static final class NoReaction extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoReaction(CommandRejected rejected) {
      super(rejected.getMessage(), rejected, false, false);
    }
  }

  private boolean markProcessed(IncomingEvent incoming) {
    String sql =
        "insert into processed_event (event_id, topic, processed_at) values (?, ?, ?)"
            + " on conflict (event_id) do nothing";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setObject(1, incoming.eventId());
      insert.setString(2, incoming.topic());
      insert.setTimestamp(3, Timestamp.from(clock.instant()));
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record processed event " + incoming.eventId(), e);
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
