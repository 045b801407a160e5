package io.themodel.reliability;

import static io.themodel.events.EventType.DEAL_WON;
import static io.themodel.events.EventType.LEAD_CAPTURED;
import static io.themodel.events.EventType.MARKETING_QUALIFIED;
import static io.themodel.events.EventType.TOSSED_UP;
import static io.themodel.events.EventType.TOSS_UP_ACCEPTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.events.EventType;
import io.themodel.reliability.Ledger.Command;
import io.themodel.reliability.PlatformClient.Answer;
import io.themodel.testing.process.ServiceProcess.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fault 5: conflicting commands at the same instant on the same lead or opportunity, through the
 * running platform: for each, one wins (2xx), every other gets 409, and exactly one event is
 * stored, published and counted.
 */
class ConflictingCommandsIT {

  private static final int LEADS = 3;
  private static final int RACERS = 6;

  private final FaultyPlatform platform = FaultyPlatform.get();
  private final PlatformClient client = platform.client();
  private final ExecutorService racers = Executors.newFixedThreadPool(LEADS * RACERS);

  @Test
  void concurrent_conflicting_commands_on_one_lead_or_deal_one_wins_the_others_get_409() {
    Ledger ledger = new Ledger("conflicting commands, " + RACERS + " at once");
    Books books = new Books(platform);
    List<Map<Integer, Long>> races = new ArrayList<>();
    List<CompletableFuture<List<Map<Integer, Long>>>> journeys = new ArrayList<>();
    ExecutorService leads = Executors.newFixedThreadPool(LEADS);
    for (int i = 0; i < LEADS; i++) {
      journeys.add(CompletableFuture.supplyAsync(() -> raceThroughAJourney(ledger), leads));
    }
    journeys.forEach(j -> races.addAll(j.orTimeout(4, TimeUnit.MINUTES).join()));
    leads.shutdown();
    racers.shutdown();

    for (Map<Integer, Long> statuses : races) {
      assertThat(statuses).as("statuses of one race").containsEntry(409, (long) RACERS - 1);
      assertThat(statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2))
          .as("winners of one race: " + statuses)
          .singleElement()
          .satisfies(winner -> assertThat(winner.getValue()).isEqualTo(1L));
    }
    books.balance(ledger);
    System.out.printf(
        "[reliability] %s: %d races, statuses %s%n", ledger.test(), races.size(), races);
  }

  /** One lead: qualified, tossed up, accepted and won by {@link #RACERS} racers each time. */
  private List<Map<Integer, Long>> raceThroughAJourney(Ledger ledger) {
    String email = "race-" + UUID.randomUUID().toString().substring(0, 13) + "@example.co.jp";
    ObjectNode lead = PlatformClient.object();
    lead.put("source", "INQUIRY").put("campaign", "races").put("companyName", "株式会社PPT");
    lead.putObject("person").put("name", "競争 花子").put("email", email);
    lead.put("consent", true);
    Command capture = ledger.command("capture", Service.LEAD, LEAD_CAPTURED, email);
    Answer captured = client.post(Service.LEAD, "/leads", lead, UUID.randomUUID().toString());
    capture.record(captured);
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    UUID leadId = UUID.fromString(captured.json().get("leadId").asText());
    String subject = leadId.toString();
    List<Map<Integer, Long>> races = new ArrayList<>();

    ObjectNode band = PlatformClient.object().put("band", "MQL_HIGH");
    races.add(
        race(
            ledger,
            "qualify",
            Service.LEAD,
            MARKETING_QUALIFIED,
            subject,
            () -> client.post(Service.LEAD, "/leads/" + leadId + "/qualification", band)));

    awaitOk(Service.IS, "/call-list/" + leadId);
    ObjectNode handOff = PlatformClient.object().put("assignedRep", "fs-race");
    List<Answer> tossUps = new ArrayList<>();
    races.add(
        race(
            ledger,
            "toss-up",
            Service.IS,
            TOSSED_UP,
            subject,
            () -> {
              Answer answer = client.post(Service.IS, "/call-list/" + leadId + "/toss-up", handOff);
              synchronized (tossUps) {
                tossUps.add(answer);
              }
              return answer;
            }));
    JsonNode winner = tossUps.stream().filter(Answer::accepted).findFirst().orElseThrow().json();
    String opportunity = "/opportunities/" + winner.get("tossUpId").asText();

    awaitOk(Service.DEAL, opportunity);
    ObjectNode acceptedBy = PlatformClient.object().put("acceptedBy", "fs-race");
    races.add(
        race(
            ledger,
            "accept",
            Service.DEAL,
            TOSS_UP_ACCEPTED,
            subject,
            () -> client.post(Service.DEAL, opportunity + "/acceptance", acceptedBy)));

    ObjectNode deal =
        PlatformClient.object()
            .put("amount", 500_000)
            .put("currency", "JPY")
            .put("contractStart", "2026-12-01")
            .put("termMonths", 12);
    races.add(
        race(
            ledger,
            "win",
            Service.DEAL,
            DEAL_WON,
            subject,
            () -> client.post(Service.DEAL, opportunity + "/won", deal)));
    return races;
  }

  /** Sends the command {@link #RACERS} times at once; returns how many got each status. */
  private Map<Integer, Long> race(
      Ledger ledger,
      String name,
      Service service,
      EventType effect,
      String subject,
      java.util.function.Supplier<Answer> send) {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Answer>> answers = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      Command command = ledger.command(name, service, effect, subject);
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                Answer answer = send.get();
                command.record(answer);
                return answer;
              },
              racers));
    }
    start.countDown();
    return answers.stream()
        .map(a -> a.orTimeout(1, TimeUnit.MINUTES).join().status())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /** Waits until the hand-off arrived: the resource answers 200. */
  private void awaitOk(Service service, String path) {
    await(path)
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> client.get(service, path).status() == 200);
  }
}
