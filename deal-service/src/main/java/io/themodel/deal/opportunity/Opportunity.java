package io.themodel.deal.opportunity;

import io.themodel.events.Money;
import io.themodel.events.deal.DealEvent;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStage;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.ExitCondition;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TossUpAccepted;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.Decider;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An opportunity in Field Sales' hands: a toss-up awaiting acceptance (or rejection), then a valid
 * opportunity (有効商談) moving through stages E, 1, 2, 3, then won or lost. An expansion from Customer
 * Success skips the toss-up: it opens as a valid opportunity in stage E.
 */
public final class Opportunity
    implements Decider<Opportunity.Command, Opportunity.State, DealEvent> {

  /** What Field Sales can do with an opportunity. */
  public sealed interface Command permits Open, Accept, Reject, ChangeStage, Win, Lose {}

  /**
   * A toss-up arrived from Inside Sales (kind NEW_BUSINESS, no value yet), or an expansion from
   * Customer Success (UPSELL or CROSS_SELL, with its estimated value).
   */
  public record Open(
      UUID opportunityId,
      UUID leadId,
      OpportunityKind kind,
      String assignedRep,
      String handoffComment,
      Money estimatedValue)
      implements Command {}

  public record Accept(String acceptedBy) implements Command {}

  /** The rep refuses the toss-up: feedback to Inside Sales. */
  public record Reject(String reason, String handoffGap, String rejectedBy) implements Command {}

  /** The rep moves the deal to a stage, with the exit conditions met so far. */
  public record ChangeStage(
      DealStage to,
      Money amount,
      LocalDate expectedCloseDate,
      Set<ExitCondition> checks,
      String changedBy)
      implements Command {}

  public record Win(Money amount, LocalDate contractStart, int termMonths) implements Command {}

  /** The deal is lost (失注): Marketing recycles the lead (Recycle B). */
  public record Lose(String reason, String competitor, String note) implements Command {}

  /** Where the opportunity stands. */
  public enum Status {
    NONE,
    AWAITING_ACCEPTANCE,
    VALID,
    WON,
    LOST,
    REJECTED
  }

  /** The opportunity's state; {@code stage} is null until the deal has one. */
  public record State(UUID opportunityId, UUID leadId, Status status, DealStage stage) {

    State withStatus(Status newStatus) {
      return new State(opportunityId, leadId, newStatus, stage);
    }
  }

  private final DealRules rules;

  public Opportunity(DealRules rules) {
    this.rules = rules;
  }

  @Override
  public State initialState() {
    return new State(null, null, Status.NONE, null);
  }

  @Override
  public List<DealEvent> decide(Command command, State state, Clock clock) {
    if (command instanceof Open open) {
      return open(open, state);
    }
    if (command instanceof Accept accept) {
      awaitingAcceptance(state);
      return List.of(
          new TossUpAccepted(state.leadId(), state.opportunityId(), accept.acceptedBy()));
    }
    if (command instanceof Reject reject) {
      awaitingAcceptance(state);
      if (!rules.isRejectionReason(reject.reason())) {
        throw CommandRejected.unprocessable(
            "reason", "must be one of " + String.join(", ", rules.rejectionReasons()));
      }
      return List.of(
          new TossUpRejected(
              state.leadId(),
              state.opportunityId(),
              reject.reason(),
              reject.handoffGap(),
              reject.rejectedBy()));
    }
    if (command instanceof ChangeStage change) {
      return changeStage(change, state);
    }
    if (command instanceof Win win) {
      inProgress(state, "won");
      positive(win.amount(), "a won deal's amount must be positive");
      return List.of(
          new DealWon(
              state.leadId(),
              state.opportunityId(),
              win.amount(),
              win.contractStart(),
              win.termMonths()));
    }
    if (command instanceof Lose lose) {
      inProgress(state, "lost");
      if (!rules.isLossReason(lose.reason())) {
        throw CommandRejected.unprocessable(
            "reason", "must be one of " + String.join(", ", rules.lossReasons()));
      }
      return List.of(
          new DealLost(
              state.leadId(),
              state.opportunityId(),
              lose.reason(),
              lose.competitor(),
              lose.note()));
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private List<DealEvent> open(Open open, State state) {
    if (state.status() != Status.NONE) {
      return List.of(); // the same toss-up or expansion delivered again
    }
    List<DealEvent> events = new ArrayList<>();
    events.add(
        new OpportunityOpened(
            open.leadId(),
            open.opportunityId(),
            open.kind(),
            open.assignedRep(),
            open.handoffComment()));
    if (open.kind() != OpportunityKind.NEW_BUSINESS && open.estimatedValue() != null) {
      // An expansion needs no toss-up: it starts as a valid deal in stage E at its estimated value.
      events.add(
          new DealStageChanged(
              open.leadId(),
              open.opportunityId(),
              null,
              DealStage.FIRST_PROPOSAL,
              open.estimatedValue(),
              null,
              rules.probabilityOf(DealStage.FIRST_PROPOSAL),
              List.of(),
              "deal-service"));
    }
    return events;
  }

  private List<DealEvent> changeStage(ChangeStage change, State state) {
    inProgress(state, "moved");
    if (change.to() == state.stage()) {
      throw CommandRejected.conflict("the deal is already in stage " + change.to().code());
    }
    positive(change.amount(), "a deal's amount must be positive");
    Set<ExitCondition> checks =
        change.checks().isEmpty()
            ? EnumSet.noneOf(ExitCondition.class)
            : EnumSet.copyOf(change.checks());
    Set<ExitCondition> missing = StageTable.required(state.stage(), change.to());
    missing.removeAll(checks);
    if (!missing.isEmpty()) {
      throw CommandRejected.unprocessable(
          "checks",
          "moving from "
              + (state.stage() == null ? "a valid opportunity" : "stage " + state.stage().code())
              + " to stage "
              + change.to().code()
              + " needs "
              + missing.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }
    return List.of(
        new DealStageChanged(
            state.leadId(),
            state.opportunityId(),
            state.stage(),
            change.to(),
            change.amount(),
            change.expectedCloseDate(),
            rules.probabilityOf(change.to()),
            List.copyOf(checks),
            change.changedBy()));
  }

  private static void awaitingAcceptance(State state) {
    switch (state.status()) {
      case NONE -> throw CommandRejected.notFound("no such opportunity");
      case AWAITING_ACCEPTANCE -> {}
      case REJECTED -> throw CommandRejected.conflict("the toss-up was already rejected");
      default -> throw CommandRejected.conflict("the toss-up was already accepted");
    }
  }

  private static void inProgress(State state, String verb) {
    switch (state.status()) {
      case NONE -> throw CommandRejected.notFound("no such opportunity");
      case AWAITING_ACCEPTANCE ->
          throw CommandRejected.conflict("accept the toss-up before the deal is " + verb);
      case REJECTED -> throw CommandRejected.conflict("the toss-up was rejected");
      case WON -> throw CommandRejected.conflict("the deal was already won");
      case LOST -> throw CommandRejected.conflict("the deal was already lost");
      case VALID -> {}
    }
  }

  private static void positive(Money amount, String message) {
    if (amount.amount().compareTo(BigDecimal.ZERO) <= 0) {
      throw CommandRejected.unprocessable("amount", message);
    }
  }

  @Override
  public State evolve(State state, DealEvent event) {
    if (event instanceof OpportunityOpened opened) {
      Status status =
          opened.kind() == OpportunityKind.NEW_BUSINESS ? Status.AWAITING_ACCEPTANCE : Status.VALID;
      return new State(opened.opportunityId(), opened.leadId(), status, null);
    }
    if (event instanceof TossUpAccepted) {
      return state.withStatus(Status.VALID);
    }
    if (event instanceof TossUpRejected) {
      return state.withStatus(Status.REJECTED);
    }
    if (event instanceof DealStageChanged changed) {
      return new State(state.opportunityId(), state.leadId(), state.status(), changed.to());
    }
    if (event instanceof DealWon) {
      return state.withStatus(Status.WON);
    }
    if (event instanceof DealLost) {
      return state.withStatus(Status.LOST);
    }
    throw new IllegalArgumentException("not an opportunity event " + event);
  }
}
