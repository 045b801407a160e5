package io.themodel.is.planning;

import io.quarkus.scheduler.Scheduled;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.calllist.CallListEntry;
import io.themodel.is.calllist.MarketingBand;
import io.themodel.is.calllist.Prospect;
import io.themodel.is.calls.CallRecord;
import io.themodel.is.planning.CallListBuilder.Assignment;
import io.themodel.is.planning.CallListBuilder.Candidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Each evening, the next business day's call list per rep (THE MODEL: the next day's list is ready,
 * by condition, at the end of the previous day). The job's logic is {@link #buildNext()}, on the
 * injected clock.
 */
@ApplicationScoped
public class EveningCallList {

  private static final Logger LOG = Logger.getLogger(EveningCallList.class);

  private final Clock clock;
  private final ZoneId zone;
  private final BusinessCalendar calendar;
  private final CallListBuilder builder;
  private final List<String> reps;

  EveningCallList(Clock clock, CallListPlanConfig config) {
    this.clock = clock;
    this.zone = config.zone();
    this.calendar =
        new BusinessCalendar(
            EnumSet.copyOf(config.workingDays()), Set.copyOf(config.holidays().orElse(List.of())));
    if (config.maxPerRep() < 1) {
      throw new IllegalArgumentException("themodel.call-list.max-per-rep must be 1 or more");
    }
    this.builder =
        new CallListBuilder(
            new CallListBuilder.Conditions(
                Set.copyOf(config.bands().orElse(List.of())),
                Set.copyOf(config.sources().orElse(List.of())),
                config.minSinceLastCall(),
                config.maxPerRep(),
                config.assignment()));
    this.reps = List.copyOf(config.reps());
  }

  @Scheduled(
      identity = "evening-call-list",
      cron = "{themodel.call-list.build-cron}",
      timeZone = "{themodel.call-list.zone}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    LocalDate day = buildNext();
    LOG.infof("call list for %s built", day);
  }

  /** Builds (or rebuilds) the list of the business day after today; returns that day. */
  @Transactional
  public LocalDate buildNext() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    LocalDate day = calendar.nextBusinessDay(today);
    Instant buildDayStart = today.atStartOfDay(zone).toInstant();
    Instant dayStart = day.atStartOfDay(zone).toInstant();

    List<CallListEntry> open = CallListEntry.list("status", Prospect.Status.ON_CALL_LIST);
    Map<UUID, String> companies =
        LeadCompany.<LeadCompany>listAll().stream()
            .collect(Collectors.toMap(c -> c.leadId, c -> c.companyKey));
    Map<UUID, ScoreBand> bands =
        MarketingBand.<MarketingBand>listAll().stream()
            .collect(Collectors.toMap(b -> b.leadId, b -> b.band));
    List<Candidate> candidates =
        open.stream()
            .map(
                e ->
                    new Candidate(
                        e.leadId,
                        companies.getOrDefault(e.leadId, e.leadId.toString()),
                        e.status,
                        e.dueAt,
                        e.priority,
                        bands.get(e.leadId),
                        e.source,
                        e.lastCallAt))
            .toList();
    Set<String> companiesCalled = new HashSet<>();
    for (CallRecord call : CallRecord.<CallRecord>list("calledAt >= ?1", buildDayStart)) {
      companiesCalled.add(companies.getOrDefault(call.leadId, call.leadId.toString()));
    }
    List<Assignment> list =
        builder.build(candidates, dayStart, buildDayStart, companiesCalled, loads(open));

    PlannedCall.delete("day", day);
    for (Assignment assignment : list) {
      PlannedCall planned = new PlannedCall();
      planned.day = day;
      planned.leadId = assignment.leadId();
      planned.rep = assignment.rep();
      planned.position = assignment.position();
      planned.persist();
    }
    return day;
  }

  /** Each rep's open follow-ups: leads still on the list whose last call the rep made. */
  private Map<String, Integer> loads(List<CallListEntry> open) {
    Map<String, Integer> loads = new HashMap<>();
    reps.forEach(rep -> loads.put(rep, 0));
    Set<UUID> openLeads = open.stream().map(e -> e.leadId).collect(Collectors.toSet());
    Map<UUID, String> lastCaller = new HashMap<>();
    for (CallRecord call : CallRecord.<CallRecord>list("order by calledAt")) {
      if (openLeads.contains(call.leadId)) {
        lastCaller.put(call.leadId, call.rep);
      }
    }
    lastCaller.values().stream()
        .filter(loads::containsKey)
        .forEach(r -> loads.merge(r, 1, Integer::sum));
    return loads;
  }
}
