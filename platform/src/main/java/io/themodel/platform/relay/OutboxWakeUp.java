package io.themodel.platform.relay;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Wakes the relay, on whichever instance holds the lead, once a transaction that appended events
 * has committed: a {@code NOTIFY} sent afterwards on a connection of its own, never inside the
 * appending transaction. PostgreSQL serialises the commits of transactions that notify (a
 * database-wide lock, held until the commit is on disk), so a NOTIFY in every command's transaction
 * made commands commit one flush after another instead of sharing flushes (pgbench here, 32
 * clients: 9,094 one-row inserts/s, 1,832 with a NOTIFY in each transaction). Here the NOTIFY's own
 * tiny transaction commits without waiting for the flush ({@code synchronous_commit} off: a
 * notification lost in a crash costs only the relay's next poll), and wake-ups coalesce: while one
 * is queued, more commits add none.
 */
@ApplicationScoped
public class OutboxWakeUp {

  /** The channel the relay listens on. */
  public static final String CHANNEL = "themodel_outbox";

  private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
  private static final Object REGISTERED = OutboxWakeUp.class;

  private final TransactionSynchronizationRegistry transactions;
  private final StoreConnections connections;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService notifier =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "outbox-wake-up");
            thread.setDaemon(true);
            return thread;
          });
  private Connection connection;

  public OutboxWakeUp(
      TransactionSynchronizationRegistry transactions, StoreConnections connections) {
    this.transactions = transactions;
    this.connections = connections;
  }

  /** Wakes the relay after the current transaction commits (once, however often it appends). */
  public void afterCommit() {
    if (transactions.getResource(REGISTERED) != null) {
      return;
    }
    transactions.putResource(REGISTERED, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              wake();
            }
          }
        });
  }

  /** Sends a NOTIFY soon, unless one is already queued and not yet sent. */
  public void wake() {
    if (queued.compareAndSet(false, true)) {
      notifier.execute(this::notifyRelay);
    }
  }

  private void notifyRelay() {
    // commits from here on need a NOTIFY after this one: the relay may be reading already
    queued.set(false);
    try {
      if (connection == null) {
        connection = connections.open("outbox-wake-up");
      }
      try (PreparedStatement notify =
          connection.prepareStatement(
              "select set_config('synchronous_commit', 'off', true), pg_notify(?, '')")) {
        notify.setString(1, CHANNEL);
        notify.execute();
      }
    } catch (SQLException e) {
      // the relay polls as well: a lost wake-up delays, never loses, an event
      LOG.debugf("outbox wake-up not sent (%s); the relay's poll will find the events", e);
      close();
    }
  }

  void stop(@Observes ShutdownEvent shutdown) {
    notifier.shutdown();
    try {
      notifier.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
  }

  private void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing a broken connection: nothing left to do
      }
      connection = null;
    }
  }
}
