package io.themodel.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fault 3: PostgreSQL terminates every connection of the five services' databases, three times
 * during a load (pools, consumers' transactions, the relays' lock connections). A command whose
 * transaction was cut fails and is tried again; nothing half-written remains.
 */
class DatabaseCutIT {

  private final FaultyPlatform platform = FaultyPlatform.get();

  @Test
  void cutting_every_database_connection_mid_load_loses_and_duplicates_nothing() {
    Ledger ledger = new Ledger("database connections cut three times");
    Books books = new Books(platform);
    JourneyLoad load = new JourneyLoad(platform.client(), ledger, 12, 4, Duration.ofMinutes(3));
    CompletableFuture<Void> running = load.start();
    int terminated = 0;
    Instant lastCut = Instant.now();
    for (int accepted : new int[] {6, 18, 30}) {
      load.awaitAccepted(accepted, running);
      terminated += platform.cutDatabaseConnections();
      lastCut = Instant.now();
    }
    assertThat(terminated).as("backends terminated").isPositive();

    running.orTimeout(5, TimeUnit.MINUTES).join();
    books.balance(ledger);
    System.out.printf(
        "[reliability] %s: %d backends terminated, books balanced %d ms after the last cut%n",
        ledger.test(), terminated, Duration.between(lastCut, Instant.now()).toMillis());
  }
}
