package io.themodel.deal.opportunity;

import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.problem.InvalidParameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Field Sales' opportunities: the toss-up inbox, overdue toss-ups and the deals in progress. */
@Path("/opportunities")
public class OpportunityResource {

  /** An opportunity as the REST API shows it. */
  public record OpportunityResponse(
      UUID opportunityId,
      UUID leadId,
      OpportunityKind kind,
      Opportunity.Status status,
      String assignedRep,
      String handoffComment,
      Instant openedAt,
      Instant acceptanceDue,
      String acceptedBy,
      Instant acceptedAt,
      String rejectionReason,
      String handoffGap,
      String rejectedBy,
      Instant rejectedAt,
      DealStage stage,
      Integer probability,
      LocalDate expectedCloseDate,
      BigDecimal amount,
      String currency,
      LocalDate contractStart,
      Integer termMonths,
      Instant wonAt,
      String lossReason,
      String competitor,
      String lossNote,
      Instant lostAt) {

    public static OpportunityResponse of(OpportunityView view, DealConfig config) {
      return new OpportunityResponse(
          view.opportunityId,
          view.leadId,
          view.kind,
          view.status,
          view.assignedRep,
          view.handoffComment,
          view.openedAt,
          view.kind == OpportunityKind.NEW_BUSINESS
              ? view.openedAt.plus(config.acceptanceSla())
              : null,
          view.acceptedBy,
          view.acceptedAt,
          view.rejectionReason,
          view.handoffGap,
          view.rejectedBy,
          view.rejectedAt,
          view.stage,
          view.probability,
          view.expectedCloseDate,
          view.amount,
          view.currency,
          view.contractStart,
          view.termMonths,
          view.wonAt,
          view.lossReason,
          view.competitor,
          view.lossNote,
          view.lostAt);
    }
  }

  private final DealConfig config;
  private final Clock clock;

  OpportunityResource(DealConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Opportunities, optionally of one status (AWAITING_ACCEPTANCE is the toss-up inbox). */
  @GET
  public List<OpportunityResponse> list(@QueryParam("status") String statusName) {
    Opportunity.Status status = statusName == null ? null : status(statusName);
    List<OpportunityView> views =
        status == null
            ? OpportunityView.list("order by openedAt")
            : OpportunityView.list("status = ?1 order by openedAt", status);
    return views.stream().map(v -> OpportunityResponse.of(v, config)).toList();
  }

  private static Opportunity.Status status(String name) {
    try {
      return Opportunity.Status.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(
          "status", "must be one of " + java.util.Arrays.toString(Opportunity.Status.values()));
    }
  }

  /** Toss-ups still awaiting acceptance after the acceptance SLA ({@code acceptance-sla}). */
  @GET
  @Path("/overdue")
  public List<OpportunityResponse> overdue() {
    Instant openedBefore = clock.instant().minus(config.acceptanceSla());
    return OpportunityView.<OpportunityView>list(
            "status = ?1 and openedAt < ?2 order by openedAt",
            Opportunity.Status.AWAITING_ACCEPTANCE,
            openedBefore)
        .stream()
        .map(v -> OpportunityResponse.of(v, config))
        .toList();
  }

  @GET
  @Path("/{opportunityId}")
  public OpportunityResponse get(@PathParam("opportunityId") UUID opportunityId) {
    return OpportunityResponse.of(find(opportunityId), config);
  }

  /** The view of an opportunity a command just changed (or 404). */
  public static OpportunityView find(UUID opportunityId) {
    OpportunityView view = OpportunityView.findById(opportunityId);
    if (view == null) {
      throw CommandRejected.notFound("no opportunity " + opportunityId);
    }
    return view;
  }
}
