package io.themodel.success.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerTest {

  private static final UUID LEAD = UUID.randomUUID();
  private static final UUID OPPORTUNITY = UUID.randomUUID();
  private static final UUID ACCOUNT = Customer.accountIdFor(OPPORTUNITY);
  private static final Money VALUE = new Money(new BigDecimal("1200000"), "JPY");
  private static final LocalDate START = LocalDate.parse("2026-05-01");

  private final Customer customer = new Customer();

  private static Customer.Open open(List<String> checklist) {
    return new Customer.Open(ACCOUNT, LEAD, OPPORTUNITY, VALUE, START, 12, checklist);
  }

  private static CustomerAccountOpened opened(List<String> checklist) {
    return new CustomerAccountOpened(LEAD, ACCOUNT, OPPORTUNITY, VALUE, START, 12, checklist);
  }

  private static CustomerOnboarded onboarded() {
    return new CustomerOnboarded(LEAD, ACCOUNT, OPPORTUNITY, VALUE, START, 12);
  }

  /** Given these events, when this command: the events it decides. */
  private List<SuccessEvent> when(List<SuccessEvent> given, Customer.Command command) {
    return customer.decide(command, customer.fold(given), Clock.systemUTC());
  }

  private static List<SuccessEvent> onboardedCustomer() {
    return List.of(opened(List.of()), onboarded());
  }

  private static List<SuccessEvent> plus(List<SuccessEvent> given, SuccessEvent... more) {
    List<SuccessEvent> all = new ArrayList<>(given);
    all.addAll(List.of(more));
    return all;
  }

  @Test
  void a_won_deal_with_an_empty_checklist_opens_the_account_and_onboards_it_at_once() {
    assertThat(when(List.of(), open(List.of()))).containsExactly(opened(List.of()), onboarded());
  }

  @Test
  void a_won_deal_opens_one_account_however_often_it_is_delivered() {
    assertThat(when(onboardedCustomer(), open(List.of()))).isEmpty();
    assertThat(when(List.of(opened(List.of("kickoff"))), open(List.of("kickoff")))).isEmpty();
    assertThat(Customer.accountIdFor(OPPORTUNITY)).isEqualTo(ACCOUNT);
    assertThat(Customer.accountIdFor(UUID.randomUUID())).isNotEqualTo(ACCOUNT);
  }

  @Test
  void a_won_deal_with_a_checklist_is_onboarded_only_when_its_last_step_is_completed() {
    List<String> checklist = List.of("kickoff", "admin-training");
    assertThat(when(List.of(), open(checklist))).containsExactly(opened(checklist));
    assertThat(customer.fold(List.of(opened(checklist))).status())
        .isEqualTo(Customer.Status.ONBOARDING);

    OnboardingStepCompleted training =
        new OnboardingStepCompleted(LEAD, ACCOUNT, "admin-training", "cs-ito");
    assertThat(
            when(List.of(opened(checklist)), new Customer.CompleteStep("admin-training", "cs-ito")))
        .containsExactly(training);

    OnboardingStepCompleted kickoff =
        new OnboardingStepCompleted(LEAD, ACCOUNT, "kickoff", "cs-ito");
    List<SuccessEvent> last =
        when(List.of(opened(checklist), training), new Customer.CompleteStep("kickoff", "cs-ito"));
    assertThat(last).containsExactly(kickoff, onboarded());
    assertThat(customer.fold(plus(List.of(opened(checklist), training), kickoff, onboarded())))
        .extracting(Customer.State::status)
        .isEqualTo(Customer.Status.ONBOARDED);
  }

  @Test
  void completing_a_step_again_changes_nothing() {
    List<SuccessEvent> given =
        List.of(
            opened(List.of("kickoff", "admin-training")),
            new OnboardingStepCompleted(LEAD, ACCOUNT, "kickoff", "cs-ito"));
    assertThat(when(given, new Customer.CompleteStep("kickoff", "cs-sato"))).isEmpty();
  }

  @Test
  void a_step_that_is_not_on_the_accounts_checklist_is_not_found() {
    assertThatThrownBy(
            () -> when(List.of(opened(List.of("kickoff"))), new Customer.CompleteStep("golf", "x")))
        .isInstanceOf(CommandRejected.class)
        .extracting(e -> ((CommandRejected) e).reason())
        .isEqualTo(CommandRejected.Reason.NOT_FOUND);
  }

  @Test
  void a_customer_opened_before_the_checklist_existed_is_onboarded_with_its_contract() {
    Customer.State state = customer.fold(List.of(onboarded()));
    assertThat(state.status()).isEqualTo(Customer.Status.ONBOARDED);
    assertThat(state.accountId()).isEqualTo(ACCOUNT);
    assertThat(state.contractEnd()).isEqualTo(LocalDate.parse("2027-05-01"));
  }

  @Test
  void a_renewal_starts_the_new_term_when_the_current_one_ends() {
    Money value = new Money(new BigDecimal("1500000"), "JPY");
    Renewed renewed = new Renewed(LEAD, ACCOUNT, LocalDate.parse("2027-05-01"), 24, value);

    assertThat(when(onboardedCustomer(), new Customer.Renew(null, 24, value)))
        .containsExactly(renewed);
    Customer.State after = customer.fold(plus(onboardedCustomer(), renewed));
    assertThat(after.contractEnd()).isEqualTo(LocalDate.parse("2029-05-01"));
    assertThat(when(plus(onboardedCustomer(), renewed), new Customer.Renew(null, 12, value)))
        .containsExactly(new Renewed(LEAD, ACCOUNT, LocalDate.parse("2029-05-01"), 12, value));
  }

  @Test
  void a_renewal_sent_again_with_its_term_start_is_not_a_second_renewal() {
    LocalDate nextTerm = LocalDate.parse("2027-05-01");
    Renewed renewed = new Renewed(LEAD, ACCOUNT, nextTerm, 12, VALUE);

    assertThat(when(onboardedCustomer(), new Customer.Renew(nextTerm, 12, VALUE)))
        .containsExactly(renewed);
    assertThat(when(plus(onboardedCustomer(), renewed), new Customer.Renew(nextTerm, 12, VALUE)))
        .isEmpty();
  }

  @Test
  void a_renewal_naming_a_term_start_other_than_the_current_end_is_refused_naming_term_start() {
    assertThatThrownBy(
            () ->
                when(
                    onboardedCustomer(),
                    new Customer.Renew(LocalDate.parse("2027-06-01"), 12, VALUE)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE);
              assertThat(rejected.field()).isEqualTo("termStart");
              assertThat(rejected.getMessage()).contains("2027-05-01");
            });
  }

  @Test
  void churn_records_the_reason_once_and_a_churned_customer_can_no_longer_renew_or_expand() {
    Churned churned = new Churned(LEAD, ACCOUNT, "moved to an in-house tool");
    assertThat(when(onboardedCustomer(), new Customer.Churn("moved to an in-house tool")))
        .containsExactly(churned);

    List<SuccessEvent> gone = plus(onboardedCustomer(), churned);
    assertThat(when(gone, new Customer.Churn("again"))).isEmpty();
    for (Customer.Command command :
        List.<Customer.Command>of(
            new Customer.Renew(null, 12, VALUE),
            new Customer.IdentifyExpansion(UUID.randomUUID(), OpportunityKind.UPSELL, VALUE, null),
            new Customer.MarkAdvocate("cs-ito", null),
            new Customer.CompleteStep("kickoff", "cs-ito"))) {
      assertThatThrownBy(() -> when(gone, command))
          .isInstanceOfSatisfying(
              CommandRejected.class,
              rejected -> assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
    }
  }

  @Test
  void an_account_that_was_never_opened_is_not_found() {
    assertThatThrownBy(() -> when(List.of(), new Customer.Churn("x")))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
  }

  @Test
  void an_expansion_is_identified_once_per_id_and_never_as_new_business() {
    UUID expansionId = UUID.randomUUID();
    ExpansionIdentified expansion =
        new ExpansionIdentified(
            LEAD, ACCOUNT, expansionId, OpportunityKind.CROSS_SELL, VALUE, "analytics add-on");
    Customer.IdentifyExpansion identify =
        new Customer.IdentifyExpansion(
            expansionId, OpportunityKind.CROSS_SELL, VALUE, "analytics add-on");

    assertThat(when(onboardedCustomer(), identify)).containsExactly(expansion);
    assertThat(when(plus(onboardedCustomer(), expansion), identify)).isEmpty();
    assertThatThrownBy(
            () ->
                when(
                    onboardedCustomer(),
                    new Customer.IdentifyExpansion(
                        UUID.randomUUID(), OpportunityKind.NEW_BUSINESS, VALUE, null)))
        .isInstanceOfSatisfying(
            CommandRejected.class, rejected -> assertThat(rejected.field()).isEqualTo("kind"));
  }

  @Test
  void an_expansion_in_another_currency_than_the_contracts_is_refused_naming_currency() {
    assertThatThrownBy(
            () ->
                when(
                    onboardedCustomer(),
                    new Customer.IdentifyExpansion(
                        UUID.randomUUID(),
                        OpportunityKind.UPSELL,
                        new Money(new BigDecimal("5000"), "EUR"),
                        null)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            rejected -> {
              assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE);
              assertThat(rejected.field()).isEqualTo("currency");
            });
  }

  @Test
  void a_won_expansion_grows_the_contract_of_the_same_account_once() {
    UUID expansionId = UUID.randomUUID();
    ExpansionIdentified expansion =
        new ExpansionIdentified(
            LEAD,
            ACCOUNT,
            expansionId,
            OpportunityKind.UPSELL,
            new Money(new BigDecimal("300000"), "JPY"),
            null);
    Customer.WinExpansion win =
        new Customer.WinExpansion(expansionId, new Money(new BigDecimal("350000"), "JPY"));
    ContractExpanded expanded =
        new ContractExpanded(
            LEAD,
            ACCOUNT,
            expansionId,
            new Money(new BigDecimal("350000"), "JPY"),
            new Money(new BigDecimal("1550000"), "JPY"));

    List<SuccessEvent> identified = plus(onboardedCustomer(), expansion);
    assertThat(when(identified, win)).containsExactly(expanded);
    assertThat(when(plus(identified, expanded), win)).isEmpty();
    Customer.State state = customer.fold(plus(identified, expanded));
    assertThat(state.accountId()).isEqualTo(ACCOUNT);
    assertThat(state.contractValue()).isEqualTo(new Money(new BigDecimal("1550000"), "JPY"));
    assertThat(state.status()).isEqualTo(Customer.Status.ONBOARDED);
  }

  @Test
  void a_won_expansion_adds_to_the_value_of_the_latest_renewal() {
    UUID expansionId = UUID.randomUUID();
    List<SuccessEvent> given =
        plus(
            onboardedCustomer(),
            new Renewed(
                LEAD,
                ACCOUNT,
                LocalDate.parse("2027-05-01"),
                12,
                new Money(new BigDecimal("1500000"), "JPY")),
            new ExpansionIdentified(
                LEAD, ACCOUNT, expansionId, OpportunityKind.CROSS_SELL, VALUE, null));

    assertThat(
            when(
                given,
                new Customer.WinExpansion(expansionId, new Money(new BigDecimal("100"), "JPY"))))
        .singleElement()
        .isInstanceOfSatisfying(
            ContractExpanded.class,
            expanded ->
                assertThat(expanded.contractValue())
                    .isEqualTo(new Money(new BigDecimal("1500100"), "JPY")));
  }

  @Test
  void a_won_deal_that_is_no_expansion_of_the_account_or_in_another_currency_is_refused() {
    UUID expansionId = UUID.randomUUID();
    List<SuccessEvent> identified =
        plus(
            onboardedCustomer(),
            new ExpansionIdentified(
                LEAD, ACCOUNT, expansionId, OpportunityKind.UPSELL, VALUE, null));

    assertThatThrownBy(() -> when(identified, new Customer.WinExpansion(UUID.randomUUID(), VALUE)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
    assertThatThrownBy(
            () ->
                when(
                    identified,
                    new Customer.WinExpansion(expansionId, new Money(new BigDecimal("10"), "EUR"))))
        .isInstanceOfSatisfying(
            CommandRejected.class, rejected -> assertThat(rejected.field()).isEqualTo("amount"));
    assertThatThrownBy(
            () ->
                when(
                    plus(identified, new Churned(LEAD, ACCOUNT, "budget")),
                    new Customer.WinExpansion(expansionId, VALUE)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
  }

  @Test
  void a_referral_is_made_once_per_id() {
    UUID referralId = UUID.randomUUID();
    Person person = new Person("佐藤 花子", "hanako.sato@example.jp", null, null);
    ReferralMade referral = new ReferralMade(LEAD, ACCOUNT, referralId, "PPT商事", person);
    Customer.MakeReferral make = new Customer.MakeReferral(referralId, "PPT商事", person);

    assertThat(when(onboardedCustomer(), make)).containsExactly(referral);
    assertThat(when(plus(onboardedCustomer(), referral), make)).isEmpty();
  }

  @Test
  void a_customer_is_marked_an_advocate_once() {
    AdvocateMarked marked = new AdvocateMarked(LEAD, ACCOUNT, "cs-ito", "case study");
    Customer.MarkAdvocate mark = new Customer.MarkAdvocate("cs-ito", "case study");

    assertThat(when(onboardedCustomer(), mark)).containsExactly(marked);
    assertThat(customer.fold(plus(onboardedCustomer(), marked)).advocate()).isTrue();
    assertThat(when(plus(onboardedCustomer(), marked), mark)).isEmpty();
  }
}
