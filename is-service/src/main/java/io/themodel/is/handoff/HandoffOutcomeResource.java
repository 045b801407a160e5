package io.themodel.is.handoff;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * From field sales to Inside Sales: per field rep, how many toss-ups became valid opportunities,
 * and each rejection with its reason and the gap (乖離) between the visit and the handoff comment.
 */
@Path("/toss-up-outcomes")
public class HandoffOutcomeResource {

  /** A rejected toss-up, as field sales explained it. */
  public record Rejection(
      UUID leadId,
      UUID opportunityId,
      String reason,
      String handoffGap,
      String rejectedBy,
      Instant rejectedAt) {}

  /** One field rep's answer to Inside Sales' toss-ups. */
  public record RepOutcomes(
      String fieldRep,
      long tossUps,
      long awaiting,
      long validOpportunities,
      long rejected,
      long won,
      long lost,
      long openDeals,
      double validRate,
      Map<String, Long> rejectionReasons,
      List<Rejection> rejections) {}

  /** Every field rep (or only {@code rep}), by name. */
  @GET
  public List<RepOutcomes> byRep(@QueryParam("rep") String rep) {
    List<HandoffOutcome> outcomes =
        rep == null || rep.isBlank()
            ? HandoffOutcome.listAll()
            : HandoffOutcome.list("fieldRep", rep);
    Map<String, List<HandoffOutcome>> byRep =
        outcomes.stream()
            .filter(o -> o.fieldRep != null)
            .collect(Collectors.groupingBy(o -> o.fieldRep, TreeMap::new, Collectors.toList()));
    return byRep.entrySet().stream().map(e -> outcomesOf(e.getKey(), e.getValue())).toList();
  }

  private static RepOutcomes outcomesOf(String rep, List<HandoffOutcome> outcomes) {
    long awaiting = count(outcomes, HandoffOutcome.Status.OPEN);
    long rejected = count(outcomes, HandoffOutcome.Status.REJECTED);
    long valid = outcomes.stream().filter(o -> o.status.valid()).count();
    long decided = valid + rejected;
    List<HandoffOutcome> rejections =
        outcomes.stream().filter(o -> o.status == HandoffOutcome.Status.REJECTED).toList();
    return new RepOutcomes(
        rep,
        outcomes.size(),
        awaiting,
        valid,
        rejected,
        count(outcomes, HandoffOutcome.Status.WON),
        count(outcomes, HandoffOutcome.Status.LOST),
        outcomes.stream().filter(o -> o.status.open()).count(),
        decided == 0 ? 0 : (double) valid / decided,
        rejections.stream()
            .collect(Collectors.groupingBy(o -> o.reason, TreeMap::new, Collectors.counting())),
        rejections.stream()
            .sorted(java.util.Comparator.comparing(o -> o.closedAt))
            .map(
                o ->
                    new Rejection(
                        o.leadId, o.opportunityId, o.reason, o.handoffGap, o.decidedBy, o.closedAt))
            .toList());
  }

  private static long count(List<HandoffOutcome> outcomes, HandoffOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status == status).count();
  }
}
