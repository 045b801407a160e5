package io.themodel.success.health;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.themodel.events.success.ChurnRiskDetected;
import io.themodel.events.success.ChurnRiskRecovered;
import io.themodel.events.success.HealthScored;
import io.themodel.platform.command.CommandRunner;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.StoredEvent;
import io.themodel.success.customer.Customer;
import io.themodel.success.customer.CustomerView;
import io.themodel.success.health.HealthScoring.Account;
import io.themodel.success.health.HealthScoring.DayUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The daily health check: scores every customer that has not churned, one transaction per customer,
 * at most once a day each (a re-run the same day changes nothing).
 */
@Startup
@ApplicationScoped
public class HealthCheck {

  static final String STREAM_TYPE = "health";
  private static final Logger LOG = Logger.getLogger(HealthCheck.class);

  private final CommandRunner runner;
  private final EntityManager entities;
  private final Clock clock;
  private final ZoneId zone;
  private final HealthPolicy policy;
  private final CustomerHealth health = new CustomerHealth();

  HealthCheck(
      CommandRunner runner,
      EntityManager entities,
      Clock clock,
      HealthConfig config,
      @ConfigProperty(name = "themodel.usage.time-zone", defaultValue = "UTC") ZoneId zone) {
    this.runner = runner;
    this.entities = entities;
    this.clock = clock;
    this.zone = zone;
    this.policy = config.policy();
  }

  @Scheduled(
      cron = "{themodel.health.cron}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    scoreAll();
  }

  /** Scores every customer not churned for today; returns how many were scored now. */
  public int scoreAll() {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    List<UUID> accounts =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    CustomerView.<CustomerView>list("status <> ?1", Customer.Status.CHURNED)
                        .stream()
                        .filter(v -> v.scoredOn == null || v.scoredOn.isBefore(today))
                        .map(v -> v.accountId)
                        .toList());
    int scored = 0;
    for (UUID accountId : accounts) {
      try {
        if (QuarkusTransaction.requiringNew().call(() -> score(accountId, today))) {
          scored++;
        }
      } catch (RuntimeException e) {
        // One customer's failure must not stop the others; the next run retries it.
        LOG.errorf(e, "health check of account %s failed", accountId);
      }
    }
    LOG.infof("health check %s: %d of %d customers scored", today, scored, accounts.size());
    return scored;
  }

  private boolean score(UUID accountId, LocalDate today) {
    CustomerView view = CustomerView.findById(accountId);
    Account account =
        new Account(
            view.leadId,
            view.accountId,
            LocalDate.ofInstant(view.openedAt, zone),
            view.contractEnd,
            List.of());
    List<StoredEvent> events =
        runner
            .run(
                STREAM_TYPE,
                "health-" + accountId,
                health,
                new CustomerHealth.Score(policy, account, usage(accountId, today), today),
                EventMetadata.command(null, "health-check"))
            .events();
    events.forEach(e -> project(view, e));
    return !events.isEmpty();
  }

  private Map<LocalDate, DayUsage> usage(UUID accountId, LocalDate today) {
    LocalDate since =
        today.minusDays(Math.max(2L * policy.windowDays(), (long) policy.noLoginDays()));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(
                "select day, metric, value from usage_metric"
                    + " where account_id = ?1 and day between ?2 and ?3")
            .setParameter(1, accountId)
            .setParameter(2, since)
            .setParameter(3, today)
            .getResultList();
    Map<LocalDate, Map<String, Integer>> byDay = new HashMap<>();
    for (Object[] row : rows) {
      LocalDate day = row[0] instanceof Date date ? date.toLocalDate() : (LocalDate) row[0];
      byDay.computeIfAbsent(day, d -> new HashMap<>()).put((String) row[1], (Integer) row[2]);
    }
    Map<LocalDate, DayUsage> usage = new HashMap<>();
    byDay.forEach(
        (day, metrics) ->
            usage.put(
                day,
                new DayUsage(
                    metrics.get("active-users"),
                    metrics.get("logins"),
                    metrics.get("support-tickets"),
                    metrics.get("nps"))));
    return usage;
  }

  private static void project(CustomerView view, StoredEvent stored) {
    if (stored.event() instanceof HealthScored scored) {
      view.healthScore = scored.score();
      view.healthBand = scored.band();
      view.scoredOn = scored.day();
    } else if (stored.event() instanceof ChurnRiskDetected detected) {
      view.atRisk = true;
      List<String> signals = new ArrayList<>();
      detected.signals().forEach(s -> signals.add(s.name()));
      view.riskSignals = String.join(",", signals);
    } else if (stored.event() instanceof ChurnRiskRecovered) {
      view.atRisk = false;
      view.riskSignals = null;
    } else {
      throw new IllegalStateException("not a health event: " + stored.type());
    }
  }
}
