package io.themodel.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.testing.postgres.TestDatabase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The relay is woken by a NOTIFY sent after the appending transaction commits, on a connection of
 * its own: never for a rollback, once per transaction, and a burst of commits coalesces into a few
 * notifications without losing the last.
 */
class OutboxWakeUpTest {

  private static final String DATABASE = "platform_wake_up_test";
  private static final long QUIET_MILLIS = 300;

  private final FakeTransaction transaction = new FakeTransaction();
  private OutboxWakeUp wakeUp;
  private Connection listener;

  @BeforeEach
  void listen() throws SQLException {
    String url = TestDatabase.ensure(DATABASE);
    wakeUp =
        new OutboxWakeUp(
            transaction,
            new StoreConnections(url, TestDatabase.user(), Optional.of(TestDatabase.password())));
    listener = TestDatabase.connect(TestDatabase.name(DATABASE));
    try (Statement listen = listener.createStatement()) {
      listen.execute("LISTEN " + OutboxWakeUp.CHANNEL);
    }
  }

  @AfterEach
  void close() throws SQLException {
    wakeUp.stop(null);
    listener.close();
  }

  @Test
  void a_committed_transaction_notifies_the_relay_once_however_often_it_appended()
      throws SQLException {
    wakeUp.afterCommit();
    wakeUp.afterCommit();
    assertThat(transaction.synchronizations).hasSize(1);
    assertThat(notifications(QUIET_MILLIS)).isZero(); // nothing before the commit

    transaction.complete(Status.STATUS_COMMITTED);

    assertThat(notifications(5_000)).isEqualTo(1);
  }

  @Test
  void a_rolled_back_transaction_wakes_nobody() throws SQLException {
    wakeUp.afterCommit();
    transaction.complete(Status.STATUS_ROLLEDBACK);

    assertThat(notifications(1_000)).isZero();
  }

  @Test
  void a_burst_of_commits_coalesces_and_the_last_still_notifies() throws SQLException {
    for (int i = 0; i < 1_000; i++) {
      wakeUp.wake();
    }
    int burst = notifications(5_000);
    assertThat(burst).isBetween(1, 999);

    wakeUp.wake();
    assertThat(notifications(5_000)).isEqualTo(1);
  }

  /**
   * The notifications that arrive: the first within {@code millis} (else none), and the others
   * until none has come for {@link #QUIET_MILLIS}.
   */
  private int notifications(long millis) throws SQLException {
    PGConnection connection = listener.unwrap(PGConnection.class);
    long deadline = System.currentTimeMillis() + millis;
    int count = 0;
    while (true) {
      long wait = count == 0 ? deadline - System.currentTimeMillis() : QUIET_MILLIS;
      if (wait <= 0) {
        return count;
      }
      PGNotification[] arrived = connection.getNotifications((int) wait);
      if (arrived == null || arrived.length == 0) {
        if (count > 0 || System.currentTimeMillis() >= deadline) {
          return count;
        }
      } else {
        count += arrived.length;
      }
    }
  }

  /** One transaction's registry, completed by the test. */
  private static final class FakeTransaction implements TransactionSynchronizationRegistry {
    private final Map<Object, Object> resources = new HashMap<>();
    private final List<Synchronization> synchronizations = new ArrayList<>();

    void complete(int status) {
      synchronizations.forEach(Synchronization::beforeCompletion);
      synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }

    @Override
    public Object getTransactionKey() {
      return this;
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization synchronization) {
      synchronizations.add(synchronization);
    }

    @Override
    public int getTransactionStatus() {
      return Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }
}
