package io.themodel.is.planning;

import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.calllist.Prospect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the next business day's call list per Inside Sales rep, by condition: still on the call
 * list, due by the end of that day, in an allowed score band and source, not called too recently,
 * and never a person whose company was called since the start of the build day, nor two people of
 * one company on the same day. First priority and earliest due first; reps are assigned round robin
 * or by load, at most {@code maxPerRep} each.
 */
public final class CallListBuilder {

  /** How leads are shared among reps. */
  public enum Strategy {
    ROUND_ROBIN,
    BY_LOAD
  }

  /** A prospect as the builder sees it; {@code companyKey} is the lead itself when unknown. */
  public record Candidate(
      UUID leadId,
      String companyKey,
      Prospect.Status status,
      Instant dueAt,
      int priority,
      ScoreBand band,
      LeadSource source,
      Instant lastCallAt) {}

  /**
   * The configured conditions: allowed bands and sources (empty = any), the least time since the
   * lead's last call, and the most leads per rep per day.
   */
  public record Conditions(
      Set<ScoreBand> bands,
      Set<LeadSource> sources,
      Duration minSinceLastCall,
      int maxPerRep,
      Strategy strategy) {}

  /** One line of a rep's list for the day. */
  public record Assignment(UUID leadId, String rep, int position) {}

  private final Conditions conditions;

  public CallListBuilder(Conditions conditions) {
    this.conditions = conditions;
  }

  /**
   * @param dayStart the start of the day the list is for
   * @param buildDayStart the start of the day the list is built on (calls since then block a
   *     company)
   * @param companiesCalled company keys with a call since {@code buildDayStart}
   * @param reps the reps to share the list, with their current load (open follow-ups)
   */
  public List<Assignment> build(
      List<Candidate> candidates,
      Instant dayStart,
      Instant buildDayStart,
      Set<String> companiesCalled,
      Map<String, Integer> reps) {
    Instant dayEnd = dayStart.plus(Duration.ofDays(1));
    Instant lastCallBefore = dayStart.minus(conditions.minSinceLastCall());
    List<Candidate> eligible =
        candidates.stream()
            .filter(c -> c.status() == Prospect.Status.ON_CALL_LIST)
            .filter(c -> c.dueAt().isBefore(dayEnd))
            .filter(c -> conditions.bands().isEmpty() || conditions.bands().contains(c.band()))
            .filter(
                c -> conditions.sources().isEmpty() || conditions.sources().contains(c.source()))
            .filter(c -> c.lastCallAt() == null || !c.lastCallAt().isAfter(lastCallBefore))
            .filter(c -> c.lastCallAt() == null || c.lastCallAt().isBefore(buildDayStart))
            .filter(c -> !companiesCalled.contains(c.companyKey()))
            .sorted(
                Comparator.comparingInt(Candidate::priority)
                    .thenComparing(Candidate::dueAt)
                    .thenComparing(Candidate::leadId))
            .toList();
    Set<String> companies = new HashSet<>();
    List<String> names = reps.keySet().stream().sorted().toList();
    Map<String, Integer> assigned = new HashMap<>();
    List<Assignment> list = new ArrayList<>();
    int next = 0;
    for (Candidate candidate : eligible) {
      if (names.isEmpty() || list.size() >= names.size() * conditions.maxPerRep()) {
        break;
      }
      if (!companies.add(candidate.companyKey())) {
        continue; // one person per company per day
      }
      String rep;
      if (conditions.strategy() == Strategy.ROUND_ROBIN) {
        while (assigned.getOrDefault(names.get(next), 0) >= conditions.maxPerRep()) {
          next = (next + 1) % names.size();
        }
        rep = names.get(next);
        next = (next + 1) % names.size();
      } else {
        rep =
            names.stream()
                .filter(r -> assigned.getOrDefault(r, 0) < conditions.maxPerRep())
                .min(
                    Comparator.comparingInt((String r) -> reps.get(r) + assigned.getOrDefault(r, 0))
                        .thenComparing(r -> r))
                .orElseThrow();
      }
      int position = assigned.merge(rep, 1, Integer::sum);
      list.add(new Assignment(candidate.leadId(), rep, position));
    }
    return list;
  }
}
