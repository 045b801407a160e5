package io.themodel.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fault 1: the Kafka broker dies by SIGKILL in the middle of a load and comes back 10 s later on
 * the same ports and data. Commands only touch PostgreSQL, so they go on; hand-offs wait; the
 * relays and consumers reconnect and the books balance.
 */
class BrokerCrashIT {

  private final FaultyPlatform platform = FaultyPlatform.get();

  @Test
  void the_broker_killed_mid_load_and_back_after_ten_seconds_loses_and_duplicates_nothing() {
    Ledger ledger = new Ledger("broker killed (SIGKILL), back after 10 s");
    Books books = new Books(platform);
    JourneyLoad load = new JourneyLoad(platform.client(), ledger, 12, 4, Duration.ofMinutes(3));
    CompletableFuture<Void> running = load.start();
    load.awaitAccepted(12, running);

    platform.broker().kill();
    Instant killed = Instant.now();
    long acceptedAtKill = ledger.accepted();
    assertThat(platform.broker().isAlive()).isFalse();
    CompletableFuture<Instant> restarted =
        CompletableFuture.supplyAsync(
            () -> {
              platform.broker().start(FaultyPlatform.BROKER_START_TIMEOUT);
              return Instant.now();
            },
            CompletableFuture.delayedExecutor(10, TimeUnit.SECONDS));
    Instant ready = restarted.orTimeout(3, TimeUnit.MINUTES).join();
    long acceptedWhileDown = ledger.accepted() - acceptedAtKill;
    assertThat(Duration.between(killed, ready)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));

    running.orTimeout(5, TimeUnit.MINUTES).join();
    Books.Figures figures = books.balance(ledger);
    System.out.printf(
        "[reliability] %s: broker down %d ms, %d commands accepted meanwhile, books balanced %d ms"
            + " after it was back%n",
        ledger.test(),
        Duration.between(killed, ready).toMillis(),
        acceptedWhileDown,
        Duration.between(ready, Instant.now()).toMillis());
    assertThat(figures.storedEvents()).isEqualTo(figures.facts());
  }
}
