package io.themodel.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.testing.process.ServiceProcess.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault 2: each service in turn, the projector included, dies by SIGKILL in the middle of a short
 * load and is started again at once. Requests in flight drop (ambiguous: re-sent), requests while
 * it is down are refused (re-tried); its relay and consumers resume where its store and the
 * consumer group's offsets say.
 */
class ServiceCrashIT {

  private final FaultyPlatform platform = FaultyPlatform.get();

  @ParameterizedTest
  @EnumSource(Service.class)
  void a_service_killed_mid_load_and_restarted_loses_and_duplicates_nothing(Service service) {
    Ledger ledger = new Ledger(service.module() + " killed (SIGKILL) and restarted");
    Books books = new Books(platform);
    JourneyLoad load = new JourneyLoad(platform.client(), ledger, 6, 3, Duration.ofMinutes(3));
    CompletableFuture<Void> running = load.start();
    load.awaitAccepted(service == Service.LEAD ? 4 : 10, running);

    Instant killed = Instant.now();
    platform.kill(service);
    assertThat(platform.process(service).isAlive()).isFalse();
    platform.startAgain(service);
    Instant ready = Instant.now();

    running.orTimeout(5, TimeUnit.MINUTES).join();
    books.balance(ledger);
    System.out.printf(
        "[reliability] %s: down %d ms, books balanced %d ms after it was back%n",
        ledger.test(),
        Duration.between(killed, ready).toMillis(),
        Duration.between(ready, Instant.now()).toMillis());
  }
}
