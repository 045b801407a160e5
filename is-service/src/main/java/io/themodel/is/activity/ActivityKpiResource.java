package io.themodel.is.activity;

import io.themodel.events.is.CallOutcome;
import io.themodel.is.handoff.HandoffOutcome;
import io.themodel.platform.problem.InvalidParameter;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Inside Sales' activity KPIs per rep and for the team, over a period of days (UTC). */
@Path("/activity-kpis")
public class ActivityKpiResource {

  /** The funnel per rep (by name) and for the whole team, from {@code from} to {@code to}. */
  public record ActivityKpis(
      LocalDate from, LocalDate to, List<ActivityFunnel> reps, ActivityFunnel team) {}

  private final EntityManager entityManager;

  ActivityKpiResource(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @GET
  public ActivityKpis kpis(
      @QueryParam("from") String fromParam,
      @QueryParam("to") String toParam,
      @QueryParam("rep") String rep) {
    LocalDate from = date("from", fromParam);
    LocalDate to = date("to", toParam);
    if (from.isAfter(to)) {
      throw new InvalidParameter("from", "must not be after to");
    }
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, long[]> counts = new TreeMap<>();
    List<String> connectOutcomes =
        Arrays.stream(CallOutcome.values()).filter(CallOutcome::connects).map(Enum::name).toList();
    List<String> contactOutcomes =
        Arrays.stream(CallOutcome.values()).filter(CallOutcome::contacts).map(Enum::name).toList();
    for (Object[] row :
        rows(
            "select rep, count(*),"
                + " count(*) filter (where outcome in (:connects)),"
                + " count(*) filter (where outcome in (:contacts)),"
                + " count(distinct lead_id) filter (where current_environment is not null)"
                + " from call_log where called_at >= :start and called_at < :end"
                + " group by rep",
            Map.of("connects", connectOutcomes, "contacts", contactOutcomes),
            start,
            end)) {
      long[] c = counts.computeIfAbsent((String) row[0], r -> new long[6]);
      for (int i = 0; i < 4; i++) {
        c[i] = ((Number) row[i + 1]).longValue();
      }
    }
    for (Object[] row :
        rows(
            "select tossed_up_by, count(*) from call_list_entry"
                + " where tossed_up_by is not null and tossed_up_at >= :start and tossed_up_at < :end"
                + " group by tossed_up_by",
            Map.of(),
            start,
            end)) {
      counts.computeIfAbsent((String) row[0], r -> new long[6])[4] = ((Number) row[1]).longValue();
    }
    List<String> valid =
        Arrays.stream(HandoffOutcome.Status.values())
            .filter(HandoffOutcome.Status::valid)
            .map(Enum::name)
            .toList();
    for (Object[] row :
        rows(
            "select e.tossed_up_by, count(*) from handoff_outcome h"
                + " join call_list_entry e on e.toss_up_id = h.opportunity_id"
                + " where e.tossed_up_by is not null and h.status in (:valid)"
                + " and h.decided_at >= :start and h.decided_at < :end"
                + " group by e.tossed_up_by",
            Map.of("valid", valid),
            start,
            end)) {
      counts.computeIfAbsent((String) row[0], r -> new long[6])[5] = ((Number) row[1]).longValue();
    }
    List<ActivityFunnel> reps =
        counts.entrySet().stream()
            .filter(e -> rep == null || rep.isBlank() || rep.equals(e.getKey()))
            .map(
                e -> {
                  long[] c = e.getValue();
                  return ActivityFunnel.of(e.getKey(), c[0], c[1], c[2], c[3], c[4], c[5]);
                })
            .toList();
    ActivityFunnel team =
        reps.stream().reduce(ActivityFunnel.of("team", 0, 0, 0, 0, 0, 0), (a, b) -> a.plus(b));
    return new ActivityKpis(from, to, reps, team);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(
      String sql, Map<String, List<String>> lists, Instant start, Instant end) {
    var query = entityManager.createNativeQuery(sql);
    lists.forEach(query::setParameter);
    query.setParameter("start", start);
    query.setParameter("end", end);
    return query.getResultList();
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameter(name, "is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidParameter(name, "must be a date (YYYY-MM-DD)");
    }
  }
}
