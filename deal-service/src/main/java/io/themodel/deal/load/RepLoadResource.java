package io.themodel.deal.load;

import io.themodel.deal.opportunity.Opportunity;
import io.themodel.deal.opportunity.OpportunityView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * Open deals per field rep: toss-ups awaiting the rep's answer plus valid deals not yet won or
 * lost. Inside Sales can derive the same count from this service's events (OpportunityOpened by
 * {@code assignedRep}, minus TossUpRejected, DealWon and DealLost) to set capacity-aware toss-up
 * thresholds.
 */
@Path("/reps/load")
public class RepLoadResource {

  /** One rep's load. */
  public record RepLoad(String rep, long openDeals, long awaitingAcceptance, long inProgress) {}

  @GET
  public List<RepLoad> load() {
    List<Object[]> rows =
        OpportunityView.getEntityManager()
            .createQuery(
                "select v.assignedRep, v.status, count(v) from OpportunityView v"
                    + " where v.status in (:awaiting, :valid)"
                    + " group by v.assignedRep, v.status order by v.assignedRep",
                Object[].class)
            .setParameter("awaiting", Opportunity.Status.AWAITING_ACCEPTANCE)
            .setParameter("valid", Opportunity.Status.VALID)
            .getResultList();
    java.util.Map<String, long[]> byRep = new java.util.TreeMap<>();
    for (Object[] row : rows) {
      long[] counts = byRep.computeIfAbsent((String) row[0], r -> new long[2]);
      counts[row[1] == Opportunity.Status.AWAITING_ACCEPTANCE ? 0 : 1] += (Long) row[2];
    }
    return byRep.entrySet().stream()
        .map(
            e ->
                new RepLoad(
                    e.getKey(),
                    e.getValue()[0] + e.getValue()[1],
                    e.getValue()[0],
                    e.getValue()[1]))
        .toList();
  }
}
