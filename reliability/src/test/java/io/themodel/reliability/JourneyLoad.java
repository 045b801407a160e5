package io.themodel.reliability;

import static io.themodel.events.EventType.DEAL_WON;
import static io.themodel.events.EventType.LEAD_CAPTURED;
import static io.themodel.events.EventType.MARKETING_QUALIFIED;
import static io.themodel.events.EventType.TOSSED_UP;
import static io.themodel.events.EventType.TOSS_UP_ACCEPTED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.reliability.Ledger.Command;
import io.themodel.reliability.Ledger.Outcome;
import io.themodel.reliability.PlatformClient.Answer;
import io.themodel.testing.process.ServiceProcess.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A bounded load: {@code journeys} customer journeys (capture, MQL, toss-up, acceptance, won), run
 * by {@code clients} concurrent clients over REST, each command recorded in the ledger.
 *
 * <p>A client behaves as a careful internal system does: a refused connection, a 5xx or a 404 for a
 * hand-off still on its way is tried again; a connection that dropped without an answer is re-sent
 * as it was. Capturing a lead carries an {@code Idempotency-Key}, which lead-service honours, so a
 * re-send is the same lead. The later steps carry none (their endpoints do not read one) but are
 * idempotent by state: a re-sent qualification, toss-up, acceptance or win of a command that did
 * take effect answers 409, which the ledger reads as "already done". A command still unsettled
 * after {@code patience} ends its journey.
 */
final class JourneyLoad {

  private static final Duration RETRY_INTERVAL = Duration.ofMillis(250);

  private final PlatformClient client;
  private final Ledger ledger;
  private final int journeys;
  private final int clients;
  private final Duration patience;

  JourneyLoad(PlatformClient client, Ledger ledger, int journeys, int clients, Duration patience) {
    this.client = client;
    this.ledger = ledger;
    this.journeys = journeys;
    this.clients = clients;
    this.patience = patience;
  }

  /** Starts the journeys; the future completes when every one has ended. */
  CompletableFuture<Void> start() {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < journeys; i++) {
      all.add(CompletableFuture.runAsync(this::journey, pool));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .whenComplete((done, failure) -> pool.shutdown());
  }

  /**
   * Waits until this many commands were accepted, so that a fault hits the load in its middle;
   * fails if the load ended first.
   */
  void awaitAccepted(long commands, CompletableFuture<Void> running) {
    Awaitility.await("load reached " + commands + " accepted commands")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (running.isDone()) {
                throw new IllegalStateException(
                    "the load ended before "
                        + commands
                        + " accepted commands: "
                        + ledger.outcomes());
              }
              return ledger.accepted() >= commands;
            });
  }

  private void journey() {
    String key = UUID.randomUUID().toString();
    String email = "rel-" + key.substring(0, 13) + "@example.co.jp";
    ObjectNode lead = PlatformClient.object();
    lead.put("source", "INQUIRY").put("campaign", "reliability").put("companyName", "株式会社PPT");
    lead.putObject("person").put("name", "信頼 太郎").put("email", email);
    lead.put("consent", true);
    Command capture = ledger.command("capture", Service.LEAD, LEAD_CAPTURED, email);
    Optional<Answer> captured =
        settle(capture, false, () -> client.post(Service.LEAD, "/leads", lead, key));
    if (captured.isEmpty()) {
      return;
    }
    UUID leadId = UUID.fromString(captured.get().json().get("leadId").asText());

    Command qualify =
        ledger.command("qualify", Service.LEAD, MARKETING_QUALIFIED, leadId.toString());
    ObjectNode band = PlatformClient.object().put("band", "MQL_HIGH");
    if (settle(
            qualify,
            true,
            () -> client.post(Service.LEAD, "/leads/" + leadId + "/qualification", band))
        .isEmpty()) {
      return;
    }

    Command tossUp = ledger.command("toss-up", Service.IS, TOSSED_UP, leadId.toString());
    ObjectNode handOff =
        PlatformClient.object()
            .put("assignedRep", "fs-reliability")
            .put("handoffComment", "budget approved");
    Optional<Answer> tossed =
        settle(
            tossUp,
            true,
            () -> client.post(Service.IS, "/call-list/" + leadId + "/toss-up", handOff));
    // Settled by a 409 after a dropped connection, the toss-up id is not known here: the
    // journey ends, the books still count its toss-up.
    if (tossed.isEmpty() || !tossed.get().accepted()) {
      return;
    }
    UUID opportunityId = UUID.fromString(tossed.get().json().get("tossUpId").asText());

    Command accept = ledger.command("accept", Service.DEAL, TOSS_UP_ACCEPTED, leadId.toString());
    ObjectNode acceptedBy = PlatformClient.object().put("acceptedBy", "fs-reliability");
    String opportunity = "/opportunities/" + opportunityId;
    if (settle(
            accept, true, () -> client.post(Service.DEAL, opportunity + "/acceptance", acceptedBy))
        .isEmpty()) {
      return;
    }

    Command win = ledger.command("win", Service.DEAL, DEAL_WON, leadId.toString());
    ObjectNode deal =
        PlatformClient.object()
            .put("amount", 1_200_000)
            .put("currency", "JPY")
            .put("contractStart", "2026-12-01")
            .put("termMonths", 12);
    settle(win, true, () -> client.post(Service.DEAL, opportunity + "/won", deal));
  }

  /**
   * Sends the command until it is settled: accepted, already done, or rejected for good. Returns
   * the settling answer if the command took effect (and its journey may go on).
   */
  private Optional<Answer> settle(
      Command command, boolean waitWhileNotFound, Supplier<Answer> send) {
    AtomicReference<Answer> last = new AtomicReference<>();
    try {
      Awaitility.await(command.name() + " " + command.subject())
          .atMost(patience)
          .pollDelay(Duration.ZERO)
          .pollInterval(RETRY_INTERVAL)
          .pollInSameThread()
          .until(
              () -> {
                Answer answer = send.get();
                command.record(answer);
                last.set(answer);
                return settled(answer, waitWhileNotFound);
              });
    } catch (ConditionTimeoutException e) {
      return Optional.empty();
    }
    Outcome outcome = command.outcome();
    return outcome == Outcome.ACCEPTED || outcome == Outcome.ALREADY_DONE
        ? Optional.of(last.get())
        : Optional.empty();
  }

  private static boolean settled(Answer answer, boolean waitWhileNotFound) {
    if (answer.refused() || answer.dropped() || answer.status() >= 500) {
      return false;
    }
    return !(waitWhileNotFound && answer.status() == 404);
  }
}
