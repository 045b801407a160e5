package io.themodel.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.themodel.events.CloudEvent;
import io.themodel.events.Department;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.reliability.Ledger.Command;
import io.themodel.reliability.Ledger.Outcome;
import io.themodel.reliability.PlatformClient.Answer;
import io.themodel.testing.process.ServiceProcess.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Checks the books of the whole platform after a fault, against a test's ledger:
 *
 * <ol>
 *   <li>every relay has published its store (its outbox, {@code event_outbox}, is empty);
 *   <li>each command's effect is in its service's store exactly once if it was accepted (or, sent
 *       again after a dropped connection, found already done), not at all if it was rejected, at
 *       most once if it stayed ambiguous; competing commands share one effect;
 *   <li>each hand-off had its effect once in the receiving service (MQL → call list, toss-up →
 *       opportunity, won → customer account): effectively once, whatever was redelivered;
 *   <li>every event stored during the test is on its department's topic exactly once by CloudEvents
 *       id, nothing is on a topic that no store holds, and a lead's events are on the topic in
 *       store order;
 *   <li>nothing went to a dead-letter topic;
 *   <li>the projector's read model holds every stored event exactly once ({@code fact}, keyed by
 *       event id) and its funnel counts each journey once per stage.
 * </ol>
 *
 * Prints the figures: commands, requests, answers, events, read-model counts.
 */
final class Books {

  private static final EventCodec CODEC = new EventCodec();
  private static final Duration SETTLE = Duration.ofSeconds(180);
  private static final List<Service> DEPARTMENTS =
      List.of(Service.LEAD, Service.IS, Service.DEAL, Service.SUCCESS);

  /** A stored event: its id, type, lead (or null), and for captures the email. */
  record Stored(UUID eventId, String type, UUID leadId, long position, String email) {}

  /** The figures a test prints, for its report. */
  record Figures(
      long commands,
      long requests,
      Map<Outcome, Long> outcomes,
      long answered2xx,
      long answeredNotYet,
      long answeredError,
      long refused,
      long dropped,
      long storedEvents,
      long topicRecords,
      long facts,
      Map<String, Long> funnel) {}

  private final FaultyPlatform platform;
  private final Map<Service, Long> since = new EnumMap<>(Service.class);

  /**
   * Books for a test that starts now: "once on the topic" is checked for the events stored from now
   * on, so that a copy an earlier test found does not fail every later one.
   */
  Books(FaultyPlatform platform) {
    this.platform = platform;
    for (Service service : DEPARTMENTS) {
      since.put(
          service,
          query(
                  service,
                  "select coalesce(max(position), 0) from event_store",
                  rows -> rows.getLong(1))
              .get(0));
    }
  }

  /** Waits for the platform to settle, asserts that the books balance, prints the figures. */
  Figures balance(Ledger ledger) {
    awaitRelaysDrained();
    Map<Service, List<Stored>> stores = awaitHandOffs();
    checkCommands(ledger, stores);
    List<Stored> all = stores.values().stream().flatMap(List::stream).toList();
    long topicRecords = checkTopics(stores);
    checkDeadLetters();
    long facts = awaitReadModel(all);
    Map<String, Long> funnel = checkFunnel(stores);
    Figures figures =
        new Figures(
            ledger.commands().size(),
            ledger.requests(),
            ledger.outcomes(),
            ledger.answers(Answer::accepted),
            ledger.answers(a -> a.status() == 404),
            ledger.answers(a -> a.status() >= 400 && a.status() != 404),
            ledger.answers(Answer::refused),
            ledger.answers(Answer::dropped),
            all.size(),
            topicRecords,
            facts,
            funnel);
    System.out.printf(
        "[reliability] %s: %d commands (%d requests): %s; answers 2xx %d, 404 (hand-off on its"
            + " way) %d, other errors %d, refused %d, dropped %d; events stored %d, on topics %d"
            + ", facts %d; funnel %s%n",
        ledger.test(),
        figures.commands(),
        figures.requests(),
        figures.outcomes(),
        figures.answered2xx(),
        figures.answeredNotYet(),
        figures.answeredError(),
        figures.refused(),
        figures.dropped(),
        figures.storedEvents(),
        figures.topicRecords(),
        figures.facts(),
        figures.funnel());
    return figures;
  }

  private void awaitRelaysDrained() {
    await("every relay published its store")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> DEPARTMENTS.stream().mapToLong(this::unpublished).sum() == 0);
  }

  /** Waits until every hand-off of the stores has had its effect downstream, then reads them. */
  private Map<Service, List<Stored>> awaitHandOffs() {
    return await("every hand-off had its effect in the receiving service")
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(500))
        .until(this::stores, Books::handOffsComplete);
  }

  private static boolean handOffsComplete(Map<Service, List<Stored>> stores) {
    return handOffDifferences(stores).isEmpty();
  }

  /**
   * Leads whose hand-off is missing (or doubled) downstream: each MQL gives one call-list entry,
   * each toss-up one opportunity, each won deal one customer account.
   */
  private static List<String> handOffDifferences(Map<Service, List<Stored>> stores) {
    List<String> differences = new ArrayList<>();
    differences.addAll(
        handOff(
            stores,
            Service.LEAD,
            EventType.MARKETING_QUALIFIED,
            Service.IS,
            EventType.CALL_LIST_ENTERED));
    differences.addAll(
        handOff(
            stores, Service.IS, EventType.TOSSED_UP, Service.DEAL, EventType.OPPORTUNITY_OPENED));
    differences.addAll(
        handOff(
            stores,
            Service.DEAL,
            EventType.DEAL_WON,
            Service.SUCCESS,
            EventType.CUSTOMER_ACCOUNT_OPENED));
    return differences;
  }

  private static List<String> handOff(
      Map<Service, List<Stored>> stores,
      Service from,
      EventType cause,
      Service to,
      EventType effect) {
    Map<UUID, Long> causes = countByLead(stores.get(from), cause);
    Map<UUID, Long> effects = countByLead(stores.get(to), effect);
    List<String> differences = new ArrayList<>();
    Set<UUID> leads = new HashSet<>(causes.keySet());
    leads.addAll(effects.keySet());
    for (UUID lead : leads) {
      long expected = causes.getOrDefault(lead, 0L) > 0 ? 1 : 0;
      long actual = effects.getOrDefault(lead, 0L);
      if (actual != expected) {
        differences.add(
            lead
                + ": "
                + cause.typeName()
                + " x"
                + causes.getOrDefault(lead, 0L)
                + " but "
                + effect.typeName()
                + " x"
                + actual);
      }
    }
    return differences;
  }

  private static Map<UUID, Long> countByLead(List<Stored> events, EventType type) {
    return events.stream()
        .filter(e -> e.type().equals(type.typeName()) && e.leadId() != null)
        .collect(Collectors.groupingBy(Stored::leadId, Collectors.counting()));
  }

  private void checkCommands(Ledger ledger, Map<Service, List<Stored>> stores) {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, List<Command>> group : ledger.bySubject().entrySet()) {
      List<Command> competing = group.getValue();
      Command first = competing.get(0);
      long effects = effects(stores.get(first.service()), first);
      Set<Outcome> outcomes = competing.stream().map(Command::outcome).collect(Collectors.toSet());
      long accepted = competing.stream().filter(c -> c.outcome() == Outcome.ACCEPTED).count();
      boolean tookEffect =
          outcomes.contains(Outcome.ACCEPTED) || outcomes.contains(Outcome.ALREADY_DONE);
      if (accepted > 1 && first.effect() != EventType.LEAD_CAPTURED) {
        wrong.add(group.getKey() + ": " + accepted + " competing commands accepted: " + competing);
      }
      if (tookEffect && effects != 1) {
        wrong.add(group.getKey() + ": accepted but " + effects + " events: " + competing);
      } else if (!tookEffect && outcomes.contains(Outcome.AMBIGUOUS) && effects > 1) {
        wrong.add(group.getKey() + ": ambiguous but " + effects + " events: " + competing);
      } else if (!tookEffect && !outcomes.contains(Outcome.AMBIGUOUS) && effects != 0) {
        wrong.add(group.getKey() + ": rejected but " + effects + " events: " + competing);
      }
    }
    assertThat(wrong).as("commands whose effect is not in the store exactly as answered").isEmpty();
  }

  private static long effects(List<Stored> store, Command command) {
    boolean byEmail = command.effect() == EventType.LEAD_CAPTURED;
    return store.stream()
        .filter(e -> e.type().equals(command.effect().typeName()))
        .filter(
            e ->
                byEmail
                    ? command.subject().equals(e.email())
                    : e.leadId() != null && command.subject().equals(e.leadId().toString()))
        .count();
  }

  /** Every stored event once on its topic, nothing else there, each lead's events in order. */
  private long checkTopics(Map<Service, List<Stored>> stores) {
    long records = 0;
    List<String> wrong = new ArrayList<>();
    for (Service service : DEPARTMENTS) {
      Department department = department(service);
      List<ConsumerRecord<String, String>> onTopic = platform.topics().records(department.topic());
      records += onTopic.size();
      List<CloudEvent> events = onTopic.stream().map(r -> CODEC.read(r.value())).toList();
      Map<UUID, Long> copies =
          events.stream().collect(Collectors.groupingBy(CloudEvent::id, Collectors.counting()));
      List<Stored> stored = stores.get(service);
      Set<UUID> storedIds = stored.stream().map(Stored::eventId).collect(Collectors.toSet());
      for (Stored event : stored) {
        if (event.position() <= since.get(service)) {
          continue;
        }
        long n = copies.getOrDefault(event.eventId(), 0L);
        if (n != 1) {
          wrong.add(department.topic() + ": " + event + " is there " + n + " times");
        }
      }
      copies.keySet().stream()
          .filter(id -> !storedIds.contains(id))
          .forEach(id -> wrong.add(department.topic() + ": " + id + " is in no store"));
      // per-journey order: the topic (one partition per key) has each lead's events in store order
      Map<UUID, List<UUID>> topicOrder = new HashMap<>();
      for (CloudEvent event : events) {
        if (event.leadid() != null) {
          List<UUID> ids = topicOrder.computeIfAbsent(event.leadid(), k -> new ArrayList<>());
          if (!ids.contains(event.id())) {
            ids.add(event.id());
          }
        }
      }
      Map<UUID, List<UUID>> storeOrder =
          stored.stream()
              .filter(e -> e.leadId() != null)
              .sorted(java.util.Comparator.comparingLong(Stored::position))
              .collect(
                  Collectors.groupingBy(
                      Stored::leadId,
                      LinkedHashMap::new,
                      Collectors.mapping(Stored::eventId, Collectors.toList())));
      storeOrder.forEach(
          (lead, ids) -> {
            if (!ids.equals(topicOrder.get(lead))) {
              wrong.add(
                  department.topic()
                      + ": lead "
                      + lead
                      + " in store order "
                      + ids
                      + " but on the topic "
                      + topicOrder.get(lead));
            }
          });
    }
    assertThat(wrong).as("stored events vs topics").isEmpty();
    return records;
  }

  private void checkDeadLetters() {
    for (Department department : Department.values()) {
      assertThat(platform.topics().records(department.deadLetterTopic()))
          .as(department.deadLetterTopic())
          .isEmpty();
    }
  }

  /** Waits until the projector holds exactly the stored events, one fact each. */
  private long awaitReadModel(List<Stored> all) {
    Set<UUID> stored = all.stream().map(Stored::eventId).collect(Collectors.toSet());
    Set<UUID> facts =
        await("the projector holds every stored event")
            .atMost(SETTLE)
            .pollInterval(Duration.ofMillis(500))
            .until(this::factIds, ids -> ids.containsAll(stored));
    Set<UUID> extra = new HashSet<>(facts);
    extra.removeAll(stored);
    assertThat(extra).as("facts of events no store holds").isEmpty();
    assertThat(factCount()).as("fact rows (one per event id)").isEqualTo(stored.size());
    return facts.size();
  }

  /** The funnel (GET /funnel) counts each journey once in each stage it reached. */
  private Map<String, Long> checkFunnel(Map<Service, List<Stored>> stores) {
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("LEAD_CAPTURED", leads(stores.get(Service.LEAD), EventType.LEAD_CAPTURED));
    expected.put("MQL", leads(stores.get(Service.LEAD), EventType.MARKETING_QUALIFIED));
    expected.put("TOSSED_UP", leads(stores.get(Service.IS), EventType.TOSSED_UP));
    expected.put("VALID_OPPORTUNITY", leads(stores.get(Service.DEAL), EventType.TOSS_UP_ACCEPTED));
    expected.put("WON", leads(stores.get(Service.DEAL), EventType.DEAL_WON));
    Answer answer = platform.client().get(Service.KPI, "/funnel?from=2000-01-01T00:00:00Z");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    Map<String, Long> funnel = new LinkedHashMap<>();
    answer
        .json()
        .path("stages")
        .forEach(s -> funnel.put(s.path("stage").asText(), s.path("reached").asLong()));
    Map<String, Long> actual = new LinkedHashMap<>();
    expected.keySet().forEach(stage -> actual.put(stage, funnel.getOrDefault(stage, 0L)));
    assertThat(actual).as("funnel stages vs the stores' journeys").isEqualTo(expected);
    return funnel;
  }

  private static long leads(List<Stored> store, EventType type) {
    return store.stream()
        .filter(e -> e.type().equals(type.typeName()) && e.leadId() != null)
        .map(Stored::leadId)
        .distinct()
        .count();
  }

  Map<Service, List<Stored>> stores() {
    Map<Service, List<Stored>> stores = new EnumMap<>(Service.class);
    for (Service service : DEPARTMENTS) {
      stores.put(
          service,
          query(
              service,
              "select event_id, type, lead_id, position, payload->'person'->>'email' as email"
                  + " from event_store order by position",
              rows ->
                  new Stored(
                      rows.getObject("event_id", UUID.class),
                      rows.getString("type"),
                      rows.getObject("lead_id", UUID.class),
                      rows.getLong("position"),
                      rows.getString("email"))));
    }
    return stores;
  }

  private long unpublished(Service service) {
    return query(service, "select count(*) from event_outbox", rows -> rows.getLong(1)).get(0);
  }

  Set<UUID> factIds() {
    return new HashSet<>(
        query(Service.KPI, "select event_id from fact", rows -> rows.getObject(1, UUID.class)));
  }

  private long factCount() {
    return query(Service.KPI, "select count(*) from fact", rows -> rows.getLong(1)).get(0);
  }

  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** Runs a query on a service's database; a cut connection is simply opened again. */
  <T> List<T> query(Service service, String sql, Row<T> row) {
    try (Connection connection = platform.database(service);
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(row.read(rows));
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(service.module() + ": " + sql, e);
    }
  }

  private static Department department(Service service) {
    return service.department().orElseThrow();
  }
}
