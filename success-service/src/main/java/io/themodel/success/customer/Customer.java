package io.themodel.success.customer;

import io.themodel.events.Money;
import io.themodel.events.deal.OpportunityKind;
import io.themodel.events.lead.Person;
import io.themodel.events.success.AdvocateMarked;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ContractExpanded;
import io.themodel.events.success.CustomerAccountOpened;
import io.themodel.events.success.CustomerOnboarded;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.events.success.OnboardingStepCompleted;
import io.themodel.events.success.ReferralMade;
import io.themodel.events.success.Renewed;
import io.themodel.events.success.SuccessEvent;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.Decider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A customer account in Customer Success' hands, from the won deal on: the onboarding checklist,
 * the contract and its renewals, churn, expansions, referrals and advocacy.
 */
public final class Customer implements Decider<Customer.Command, Customer.State, SuccessEvent> {

  /** What Customer Success can do with an account. */
  public sealed interface Command
      permits Open,
          CompleteStep,
          Renew,
          Churn,
          IdentifyExpansion,
          WinExpansion,
          MakeReferral,
          MarkAdvocate {}

  /** A deal was won: the account opens with the onboarding checklist configured now. */
  public record Open(
      UUID accountId,
      UUID leadId,
      UUID opportunityId,
      Money contractValue,
      LocalDate contractStart,
      int termMonths,
      List<String> checklist)
      implements Command {}

  /** One step of the onboarding checklist is done. */
  public record CompleteStep(String step, String completedBy) implements Command {}

  /**
   * The customer renews for a new term that starts when the current one ends; {@code termStart},
   * when given, names that start, so a retried renewal is not a second one.
   */
  public record Renew(LocalDate termStart, int termMonths, Money value) implements Command {}

  /** The customer leaves. */
  public record Churn(String reason) implements Command {}

  /** An upsell or cross-sell for Field Sales. */
  public record IdentifyExpansion(
      UUID expansionId, OpportunityKind kind, Money estimatedValue, String note)
      implements Command {}

  /**
   * Field Sales won the expansion {@code expansionId} (its opportunity) for {@code value}: the
   * contract grows, the account stays the same.
   */
  public record WinExpansion(UUID expansionId, Money value) implements Command {}

  /** The customer refers another company's person to Marketing. */
  public record MakeReferral(UUID referralId, String companyName, Person person)
      implements Command {}

  /** The customer becomes an advocate. */
  public record MarkAdvocate(String markedBy, String note) implements Command {}

  /** Where the account stands. */
  public enum Status {
    NONE,
    ONBOARDING,
    ONBOARDED,
    CHURNED
  }

  /** The account as its events left it; {@code opened} is null until it opens. */
  public record State(
      CustomerAccountOpened opened,
      Status status,
      LocalDate contractStart,
      int termMonths,
      int renewals,
      Money contractValue,
      Set<String> completedSteps,
      Set<UUID> expansions,
      Set<UUID> expansionsWon,
      Set<UUID> referrals,
      boolean advocate) {

    public UUID accountId() {
      return opened.accountId();
    }

    public UUID leadId() {
      return opened.leadId();
    }

    public List<String> checklist() {
      return opened.onboardingSteps();
    }

    /** The day the current term ends (and the next one would start). */
    public LocalDate contractEnd() {
      return contractStart.plusMonths(termMonths);
    }

    State withStatus(Status newStatus) {
      return new State(
          opened,
          newStatus,
          contractStart,
          termMonths,
          renewals,
          contractValue,
          completedSteps,
          expansions,
          expansionsWon,
          referrals,
          advocate);
    }

    State withStepCompleted(String step) {
      return new State(
          opened,
          status,
          contractStart,
          termMonths,
          renewals,
          contractValue,
          plus(completedSteps, step),
          expansions,
          expansionsWon,
          referrals,
          advocate);
    }

    State withTerm(LocalDate start, int months, Money value) {
      return new State(
          opened,
          status,
          start,
          months,
          renewals + 1,
          value,
          completedSteps,
          expansions,
          expansionsWon,
          referrals,
          advocate);
    }

    State withExpansion(UUID expansionId) {
      return new State(
          opened,
          status,
          contractStart,
          termMonths,
          renewals,
          contractValue,
          completedSteps,
          plus(expansions, expansionId),
          expansionsWon,
          referrals,
          advocate);
    }

    State withExpansionWon(UUID expansionId, Money newContractValue) {
      return new State(
          opened,
          status,
          contractStart,
          termMonths,
          renewals,
          newContractValue,
          completedSteps,
          expansions,
          plus(expansionsWon, expansionId),
          referrals,
          advocate);
    }

    State withReferral(UUID referralId) {
      return new State(
          opened,
          status,
          contractStart,
          termMonths,
          renewals,
          contractValue,
          completedSteps,
          expansions,
          expansionsWon,
          plus(referrals, referralId),
          advocate);
    }

    State asAdvocate() {
      return new State(
          opened,
          status,
          contractStart,
          termMonths,
          renewals,
          contractValue,
          completedSteps,
          expansions,
          expansionsWon,
          referrals,
          true);
    }

    static State opened(CustomerAccountOpened opened, Status status) {
      return new State(
          opened,
          status,
          opened.contractStart(),
          opened.termMonths(),
          0,
          opened.contractValue(),
          Set.of(),
          Set.of(),
          Set.of(),
          Set.of(),
          false);
    }
  }

  /** One account per won deal, the same id however often the win is delivered. */
  public static UUID accountIdFor(UUID opportunityId) {
    return UUID.nameUUIDFromBytes(("account:" + opportunityId).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public State initialState() {
    return new State(
        null, Status.NONE, null, 0, 0, null, Set.of(), Set.of(), Set.of(), Set.of(), false);
  }

  @Override
  public List<SuccessEvent> decide(Command command, State state, Clock clock) {
    if (command instanceof Open open) {
      return open(open, state);
    }
    if (state.status() == Status.NONE) {
      throw CommandRejected.notFound("no customer account");
    }
    if (command instanceof Churn churn) {
      return state.status() == Status.CHURNED
          ? List.of() // the same churn recorded again
          : List.of(new Churned(state.leadId(), state.accountId(), churn.reason()));
    }
    if (state.status() == Status.CHURNED) {
      throw CommandRejected.conflict("the customer has churned");
    }
    if (command instanceof CompleteStep complete) {
      return completeStep(complete, state);
    }
    if (command instanceof Renew renew) {
      return renew(renew, state);
    }
    if (command instanceof IdentifyExpansion expansion) {
      return identifyExpansion(expansion, state);
    }
    if (command instanceof WinExpansion win) {
      return winExpansion(win, state);
    }
    if (command instanceof MakeReferral referral) {
      if (state.referrals().contains(referral.referralId())) {
        return List.of();
      }
      return List.of(
          new ReferralMade(
              state.leadId(),
              state.accountId(),
              referral.referralId(),
              referral.companyName(),
              referral.person()));
    }
    if (command instanceof MarkAdvocate mark) {
      return state.advocate()
          ? List.of()
          : List.of(
              new AdvocateMarked(state.leadId(), state.accountId(), mark.markedBy(), mark.note()));
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  private static List<SuccessEvent> open(Open open, State state) {
    if (state.status() != Status.NONE) {
      return List.of(); // the same win delivered again
    }
    List<SuccessEvent> events = new ArrayList<>();
    events.add(
        new CustomerAccountOpened(
            open.leadId(),
            open.accountId(),
            open.opportunityId(),
            open.contractValue(),
            open.contractStart(),
            open.termMonths(),
            open.checklist()));
    if (open.checklist().isEmpty()) {
      events.add(onboarded((CustomerAccountOpened) events.get(0)));
    }
    return events;
  }

  private static List<SuccessEvent> completeStep(CompleteStep complete, State state) {
    if (!state.checklist().contains(complete.step())) {
      throw CommandRejected.notFound(
          "no step " + complete.step() + " in this account's onboarding checklist");
    }
    if (state.completedSteps().contains(complete.step())) {
      return List.of(); // completed before: nothing new
    }
    List<SuccessEvent> events = new ArrayList<>();
    events.add(
        new OnboardingStepCompleted(
            state.leadId(), state.accountId(), complete.step(), complete.completedBy()));
    if (state.completedSteps().size() + 1 == state.checklist().size()) {
      events.add(onboarded(state.opened()));
    }
    return events;
  }

  private static List<SuccessEvent> renew(Renew renew, State state) {
    if (renew.termStart() != null) {
      if (state.renewals() > 0 && renew.termStart().equals(state.contractStart())) {
        return List.of(); // this term's renewal, sent again
      }
      if (!renew.termStart().equals(state.contractEnd())) {
        throw CommandRejected.unprocessable(
            "termStart", "must be " + state.contractEnd() + ", when the current term ends");
      }
    }
    return List.of(
        new Renewed(
            state.leadId(),
            state.accountId(),
            state.contractEnd(),
            renew.termMonths(),
            renew.value()));
  }

  private static List<SuccessEvent> identifyExpansion(IdentifyExpansion expansion, State state) {
    if (expansion.kind() == OpportunityKind.NEW_BUSINESS) {
      throw CommandRejected.unprocessable("kind", "must be UPSELL or CROSS_SELL for a customer");
    }
    if (!expansion.estimatedValue().currency().equals(state.contractValue().currency())) {
      throw CommandRejected.unprocessable(
          "currency",
          "must be the contract's currency, "
              + state.contractValue().currency()
              + ": a won expansion adds to the contract");
    }
    if (state.expansions().contains(expansion.expansionId())) {
      return List.of();
    }
    return List.of(
        new ExpansionIdentified(
            state.leadId(),
            state.accountId(),
            expansion.expansionId(),
            expansion.kind(),
            expansion.estimatedValue(),
            expansion.note()));
  }

  private static List<SuccessEvent> winExpansion(WinExpansion win, State state) {
    if (!state.expansions().contains(win.expansionId())) {
      throw CommandRejected.notFound("no expansion " + win.expansionId() + " of this account");
    }
    if (state.expansionsWon().contains(win.expansionId())) {
      return List.of(); // the same win delivered again
    }
    Money contract = state.contractValue();
    if (!win.value().currency().equals(contract.currency())) {
      throw CommandRejected.unprocessable(
          "amount",
          "was won in " + win.value().currency() + ", the contract is in " + contract.currency());
    }
    return List.of(
        new ContractExpanded(
            state.leadId(),
            state.accountId(),
            win.expansionId(),
            win.value(),
            new Money(contract.amount().add(win.value().amount()), contract.currency())));
  }

  /** CustomerOnboarded repeats the contract the account opened with. */
  private static CustomerOnboarded onboarded(CustomerAccountOpened opened) {
    return new CustomerOnboarded(
        opened.leadId(),
        opened.accountId(),
        opened.opportunityId(),
        opened.contractValue(),
        opened.contractStart(),
        opened.termMonths());
  }

  @Override
  public State evolve(State state, SuccessEvent event) {
    if (event instanceof CustomerAccountOpened opened) {
      return State.opened(opened, Status.ONBOARDING);
    }
    if (event instanceof OnboardingStepCompleted completed) {
      return state.withStepCompleted(completed.step());
    }
    if (event instanceof CustomerOnboarded onboarded) {
      if (state.status() == Status.NONE) {
        // Accounts onboarded before the checklist existed have no opening event.
        return State.opened(
            new CustomerAccountOpened(
                onboarded.leadId(),
                onboarded.accountId(),
                onboarded.opportunityId(),
                onboarded.contractValue(),
                onboarded.contractStart(),
                onboarded.termMonths(),
                List.of()),
            Status.ONBOARDED);
      }
      return state.withStatus(Status.ONBOARDED);
    }
    if (event instanceof Renewed renewed) {
      return state.withTerm(renewed.termStart(), renewed.termMonths(), renewed.value());
    }
    if (event instanceof Churned) {
      return state.withStatus(Status.CHURNED);
    }
    if (event instanceof ExpansionIdentified expansion) {
      return state.withExpansion(expansion.expansionId());
    }
    if (event instanceof ContractExpanded expanded) {
      return state.withExpansionWon(expanded.expansionId(), expanded.contractValue());
    }
    if (event instanceof ReferralMade referral) {
      return state.withReferral(referral.referralId());
    }
    if (event instanceof AdvocateMarked) {
      return state.asAdvocate();
    }
    throw new IllegalArgumentException("unknown success event " + event);
  }

  private static <T> Set<T> plus(Set<T> set, T element) {
    Set<T> more = new HashSet<>(set);
    more.add(element);
    return Set.copyOf(more);
  }
}
