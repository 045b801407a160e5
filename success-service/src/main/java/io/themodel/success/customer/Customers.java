package io.themodel.success.customer;

import io.themodel.events.success.AdvocateMarked;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ContractExpanded;
import io.themodel.events.success.CustomerAccountOpened;
import io.themodel.events.success.CustomerOnboarded;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.events.success.OnboardingStepCompleted;
import io.themodel.events.success.ReferralMade;
import io.themodel.events.success.Renewed;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.CommandRunner;
import io.themodel.platform.command.Decision;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.StoredEvent;
import io.themodel.success.onboarding.OnboardingStepView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Runs Customer Success' commands on an account and keeps its views in the same transaction. */
@ApplicationScoped
public class Customers {

  static final String STREAM_TYPE = "customer";

  private final CommandRunner runner;
  private final Customer customer = new Customer();

  Customers(CommandRunner runner) {
    this.runner = runner;
  }

  @Transactional
  public Decision<Customer.State> execute(
      UUID accountId, Customer.Command command, EventMetadata metadata) {
    Decision<Customer.State> decision =
        runner.run(STREAM_TYPE, accountId.toString(), customer, command, metadata);
    decision.events().forEach(Customers::project);
    return decision;
  }

  /** The account's view, or 404. */
  public CustomerView view(UUID accountId) {
    CustomerView view = CustomerView.findById(accountId);
    if (view == null) {
      throw CommandRejected.notFound("no customer " + accountId);
    }
    return view;
  }

  /**
   * The account of {@code leadId} that identified {@code expansionId}, if any: a won deal with that
   * id is the expansion of this account, not a new customer.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<UUID> accountExpandedBy(UUID leadId, UUID expansionId) {
    List<CustomerView> accounts = CustomerView.list("leadId", leadId);
    for (CustomerView account : accounts) {
      Customer.State state = runner.current(account.accountId.toString(), customer);
      if (state.expansions().contains(expansionId)) {
        return Optional.of(account.accountId);
      }
    }
    return Optional.empty();
  }

  private static void project(StoredEvent stored) {
    Instant at = stored.occurredAt();
    if (stored.event() instanceof CustomerAccountOpened opened) {
      CustomerView.opened(opened, at).persist();
      List<String> steps = opened.onboardingSteps();
      for (int i = 0; i < steps.size(); i++) {
        OnboardingStepView step = new OnboardingStepView();
        step.accountId = opened.accountId();
        step.step = steps.get(i);
        step.position = i + 1;
        step.persist();
      }
    } else if (stored.event() instanceof OnboardingStepCompleted completed) {
      OnboardingStepView.update(
          "completedAt = ?1, completedBy = ?2 where accountId = ?3 and step = ?4",
          at,
          completed.completedBy(),
          completed.accountId(),
          completed.step());
    } else if (stored.event() instanceof CustomerOnboarded onboarded) {
      CustomerView view = existing(onboarded.accountId());
      view.status = Customer.Status.ONBOARDED;
      view.onboardedAt = at;
    } else if (stored.event() instanceof Renewed renewed) {
      CustomerView view = existing(renewed.accountId());
      view.contractStart = renewed.termStart();
      view.termMonths = renewed.termMonths();
      view.contractEnd = renewed.termStart().plusMonths(renewed.termMonths());
      view.contractValue = renewed.value().amount();
      view.currency = renewed.value().currency();
      view.renewedAt = at;
    } else if (stored.event() instanceof Churned churned) {
      CustomerView view = existing(churned.accountId());
      view.status = Customer.Status.CHURNED;
      view.churnedAt = at;
      view.churnReason = churned.reason();
    } else if (stored.event() instanceof ContractExpanded expanded) {
      CustomerView view = existing(expanded.accountId());
      view.contractValue = expanded.contractValue().amount();
      view.expansionValue = view.expansionValue.add(expanded.value().amount());
      view.expandedAt = at;
    } else if (stored.event() instanceof AdvocateMarked marked) {
      existing(marked.accountId()).advocate = true;
    } else if (!(stored.event() instanceof ExpansionIdentified)
        && !(stored.event() instanceof ReferralMade)) {
      // Expansions and referrals live in the account's timeline; other departments act on them.
      throw new IllegalStateException("not a customer event: " + stored.type());
    }
  }

  private static CustomerView existing(UUID accountId) {
    CustomerView view = CustomerView.findById(accountId);
    if (view == null) {
      throw new IllegalStateException("no view of account " + accountId);
    }
    return view;
  }
}
