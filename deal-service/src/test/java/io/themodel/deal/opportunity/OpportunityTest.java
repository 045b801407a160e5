package io.themodel.deal.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpportunityTest {

  static final DealRules RULES =
      new DealRules(
          List.of("NO_DECISION_MAKER", "NO_BUDGET"),
          List.of("PRICE", "COMPETITOR", "NO_DECISION"),
          Map.of(
              DealStage.FIRST_PROPOSAL, 20,
              DealStage.MAIN_PROPOSAL, 50,
              DealStage.CLOSING, 80,
              DealStage.WON, 100));

  private static final UUID LEAD = UUID.randomUUID();
  private static final UUID OPPORTUNITY = UUID.randomUUID();
  private static final OpportunityOpened OPENED =
      new OpportunityOpened(
          LEAD, OPPORTUNITY, OpportunityKind.NEW_BUSINESS, "fs-tanaka", "Budget approved");
  private static final TossUpAccepted ACCEPTED = new TossUpAccepted(LEAD, OPPORTUNITY, "fs-tanaka");
  private static final Money YEN = new Money(new BigDecimal("1200000"), "JPY");
  private static final LocalDate START = LocalDate.parse("2026-05-01");
  private static final LocalDate CLOSE = LocalDate.parse("2026-06-30");

  private final Opportunity opportunity = new Opportunity(RULES);

  private List<DealEvent> given(List<DealEvent> history, Opportunity.Command command) {
    return opportunity.decide(command, opportunity.fold(history), Clock.systemUTC());
  }

  private static CommandRejected rejection(Runnable command) {
    try {
      command.run();
    } catch (CommandRejected rejected) {
      return rejected;
    }
    throw new AssertionError("the command was not rejected");
  }

  private static Opportunity.ChangeStage moveTo(DealStage stage, ExitCondition... checks) {
    return new Opportunity.ChangeStage(stage, YEN, CLOSE, Set.of(checks), "fs-tanaka");
  }

  private static DealStageChanged changed(
      DealStage from, DealStage to, int probability, ExitCondition... checks) {
    return new DealStageChanged(
        LEAD, OPPORTUNITY, from, to, YEN, CLOSE, probability, List.of(checks), "fs-tanaka");
  }

  @Test
  void a_toss_up_opens_an_opportunity_awaiting_acceptance_once() {
    Opportunity.Open open =
        new Opportunity.Open(
            OPPORTUNITY, LEAD, OpportunityKind.NEW_BUSINESS, "fs-tanaka", "Budget approved", null);
    assertThat(given(List.of(), open)).containsExactly(OPENED);
    assertThat(given(List.of(OPENED), open)).isEmpty();
    assertThat(opportunity.fold(List.of(OPENED)).status())
        .isEqualTo(Opportunity.Status.AWAITING_ACCEPTANCE);
  }

  @Test
  void the_rep_accepts_the_toss_up_and_it_becomes_a_valid_opportunity() {
    assertThat(given(List.of(OPENED), new Opportunity.Accept("fs-tanaka")))
        .containsExactly(ACCEPTED);
    assertThat(
            rejection(() -> given(List.of(OPENED, ACCEPTED), new Opportunity.Accept("x"))).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(rejection(() -> given(List.of(), new Opportunity.Accept("x"))).reason())
        .isEqualTo(CommandRejected.Reason.NOT_FOUND);
  }

  @Test
  void the_rep_rejects_a_toss_up_with_a_configured_reason_and_the_gap_to_the_handoff() {
    Opportunity.Reject reject =
        new Opportunity.Reject("NO_DECISION_MAKER", "Met IT staff, not the CIO", "fs-tanaka");
    TossUpRejected rejected =
        new TossUpRejected(
            LEAD, OPPORTUNITY, "NO_DECISION_MAKER", "Met IT staff, not the CIO", "fs-tanaka");
    assertThat(given(List.of(OPENED), reject)).containsExactly(rejected);
    assertThat(opportunity.fold(List.of(OPENED, rejected)).status())
        .isEqualTo(Opportunity.Status.REJECTED);
  }

  @Test
  void a_rejection_reason_outside_the_configured_list_is_refused_naming_the_reason() {
    CommandRejected refused =
        rejection(
            () -> given(List.of(OPENED), new Opportunity.Reject("BAD_VIBES", null, "fs-tanaka")));
    assertThat(refused.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE);
    assertThat(refused.field()).isEqualTo("reason");
    assertThat(refused.getMessage()).contains("NO_DECISION_MAKER");
  }

  @Test
  void only_a_toss_up_awaiting_acceptance_can_be_rejected_and_a_rejected_one_not_accepted() {
    Opportunity.Reject reject = new Opportunity.Reject("NO_BUDGET", null, "fs-tanaka");
    TossUpRejected rejected = new TossUpRejected(LEAD, OPPORTUNITY, "NO_BUDGET", null, "fs");
    assertThat(rejection(() -> given(List.of(OPENED, ACCEPTED), reject)).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(rejection(() -> given(List.of(OPENED, rejected), reject)).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(
            rejection(() -> given(List.of(OPENED, rejected), new Opportunity.Accept("x"))).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(rejection(() -> given(List.of(), reject)).reason())
        .isEqualTo(CommandRejected.Reason.NOT_FOUND);
  }

  @Test
  void a_valid_opportunity_enters_stage_e_with_the_configured_probability_and_no_checks() {
    assertThat(given(List.of(OPENED, ACCEPTED), moveTo(DealStage.FIRST_PROPOSAL)))
        .containsExactly(changed(null, DealStage.FIRST_PROPOSAL, 20));
  }

  @Test
  void leaving_e_needs_all_of_bant() {
    List<DealEvent> inE = List.of(OPENED, ACCEPTED, changed(null, DealStage.FIRST_PROPOSAL, 20));
    CommandRejected refused = rejection(() -> given(inE, moveTo(DealStage.MAIN_PROPOSAL)));
    assertThat(refused.field()).isEqualTo("checks");
    assertThat(refused.getMessage()).contains("BANT");
    assertThat(given(inE, moveTo(DealStage.MAIN_PROPOSAL, ExitCondition.BANT)))
        .containsExactly(
            changed(DealStage.FIRST_PROPOSAL, DealStage.MAIN_PROPOSAL, 50, ExitCondition.BANT));
  }

  @Test
  void leaving_1_needs_a_presented_quote() {
    List<DealEvent> in1 =
        List.of(OPENED, ACCEPTED, changed(DealStage.FIRST_PROPOSAL, DealStage.MAIN_PROPOSAL, 50));
    assertThat(rejection(() -> given(in1, moveTo(DealStage.CLOSING))).getMessage())
        .contains("QUOTE_PRESENTED")
        .doesNotContain("BANT");
    assertThat(given(in1, moveTo(DealStage.CLOSING, ExitCondition.QUOTE_PRESENTED)))
        .containsExactly(
            changed(DealStage.MAIN_PROPOSAL, DealStage.CLOSING, 80, ExitCondition.QUOTE_PRESENTED));
  }

  @Test
  void leaving_2_needs_the_budget_secured_and_the_order_conditions_obtained() {
    List<DealEvent> in2 =
        List.of(OPENED, ACCEPTED, changed(DealStage.MAIN_PROPOSAL, DealStage.CLOSING, 80));
    assertThat(
            rejection(() -> given(in2, moveTo(DealStage.WON, ExitCondition.BUDGET_SECURED)))
                .getMessage())
        .contains("ORDER_CONDITIONS_OBTAINED")
        .doesNotContain("BUDGET_SECURED");
    assertThat(
            given(
                in2,
                moveTo(
                    DealStage.WON,
                    ExitCondition.BUDGET_SECURED,
                    ExitCondition.ORDER_CONDITIONS_OBTAINED)))
        .containsExactly(
            changed(
                DealStage.CLOSING,
                DealStage.WON,
                100,
                ExitCondition.BUDGET_SECURED,
                ExitCondition.ORDER_CONDITIONS_OBTAINED));
  }

  @Test
  void the_order_form_leaves_stage_3_in_the_stage_table() {
    assertThat(StageTable.exitConditionsOf(DealStage.WON))
        .containsExactly(ExitCondition.ORDER_FORM_RECEIVED);
  }

  @Test
  void skipping_a_stage_needs_the_exit_conditions_of_every_stage_passed_and_is_recorded() {
    List<DealEvent> valid = List.of(OPENED, ACCEPTED);
    assertThat(rejection(() -> given(valid, moveTo(DealStage.CLOSING, ExitCondition.BANT))).field())
        .isEqualTo("checks");
    assertThat(
            given(
                valid,
                moveTo(DealStage.CLOSING, ExitCondition.BANT, ExitCondition.QUOTE_PRESENTED)))
        .containsExactly(
            changed(
                null, DealStage.CLOSING, 80, ExitCondition.BANT, ExitCondition.QUOTE_PRESENTED));
  }

  @Test
  void moving_backwards_needs_no_checks_and_is_recorded_with_the_lower_probability() {
    List<DealEvent> in2 =
        List.of(OPENED, ACCEPTED, changed(DealStage.MAIN_PROPOSAL, DealStage.CLOSING, 80));
    assertThat(given(in2, moveTo(DealStage.FIRST_PROPOSAL)))
        .containsExactly(changed(DealStage.CLOSING, DealStage.FIRST_PROPOSAL, 20));
  }

  @Test
  void a_stage_change_needs_a_valid_open_deal_a_new_stage_and_a_positive_amount() {
    assertThat(rejection(() -> given(List.of(OPENED), moveTo(DealStage.FIRST_PROPOSAL))).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    List<DealEvent> inE = List.of(OPENED, ACCEPTED, changed(null, DealStage.FIRST_PROPOSAL, 20));
    assertThat(rejection(() -> given(inE, moveTo(DealStage.FIRST_PROPOSAL))).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    Opportunity.ChangeStage free =
        new Opportunity.ChangeStage(
            DealStage.MAIN_PROPOSAL,
            new Money(BigDecimal.ZERO, "JPY"),
            CLOSE,
            Set.of(ExitCondition.BANT),
            "fs-tanaka");
    assertThat(rejection(() -> given(inE, free)).field()).isEqualTo("amount");
    DealWon won = new DealWon(LEAD, OPPORTUNITY, YEN, START, 12);
    assertThat(
            rejection(() -> given(List.of(OPENED, ACCEPTED, won), moveTo(DealStage.CLOSING)))
                .reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
  }

  @Test
  void only_a_valid_opportunity_is_won_and_only_once_whatever_its_stage() {
    Opportunity.Win win = new Opportunity.Win(YEN, START, 12);
    DealWon won = new DealWon(LEAD, OPPORTUNITY, YEN, START, 12);
    assertThat(given(List.of(OPENED, ACCEPTED), win)).containsExactly(won);
    assertThat(
            given(
                List.of(OPENED, ACCEPTED, changed(DealStage.MAIN_PROPOSAL, DealStage.CLOSING, 80)),
                win))
        .containsExactly(won);
    assertThat(rejection(() -> given(List.of(OPENED), win)).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(rejection(() -> given(List.of(OPENED, ACCEPTED, won), win)).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
  }

  @Test
  void a_deal_is_not_won_for_nothing() {
    assertThatThrownBy(
            () ->
                given(
                    List.of(OPENED, ACCEPTED),
                    new Opportunity.Win(new Money(BigDecimal.ZERO, "JPY"), START, 12)))
        .isInstanceOfSatisfying(
            CommandRejected.class, r -> assertThat(r.field()).isEqualTo("amount"));
  }

  @Test
  void a_valid_deal_is_lost_with_a_configured_reason_the_competitor_and_a_note() {
    Opportunity.Lose lose = new Opportunity.Lose("COMPETITOR", "Competitor KK", "cheaper by 20%");
    DealLost lost =
        new DealLost(LEAD, OPPORTUNITY, "COMPETITOR", "Competitor KK", "cheaper by 20%");
    assertThat(given(List.of(OPENED, ACCEPTED), lose)).containsExactly(lost);
    assertThat(opportunity.fold(List.of(OPENED, ACCEPTED, lost)).status())
        .isEqualTo(Opportunity.Status.LOST);
    assertThat(rejection(() -> given(List.of(OPENED, ACCEPTED, lost), lose)).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(
            rejection(
                    () ->
                        given(List.of(OPENED, ACCEPTED, lost), new Opportunity.Win(YEN, START, 12)))
                .reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
  }

  @Test
  void a_loss_reason_outside_the_configured_list_is_refused_and_a_toss_up_is_rejected_not_lost() {
    CommandRejected refused =
        rejection(
            () -> given(List.of(OPENED, ACCEPTED), new Opportunity.Lose("ASTROLOGY", null, null)));
    assertThat(refused.field()).isEqualTo("reason");
    assertThat(
            rejection(() -> given(List.of(OPENED), new Opportunity.Lose("PRICE", null, null)))
                .reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
  }

  @Test
  void an_expansion_skips_the_toss_up_and_opens_valid_in_stage_e_at_its_estimated_value_once() {
    Money estimate = new Money(new BigDecimal("3000000"), "JPY");
    Opportunity.Open expansion =
        new Opportunity.Open(
            OPPORTUNITY,
            LEAD,
            OpportunityKind.UPSELL,
            "fs-account-team",
            "30 more seats",
            estimate);
    List<DealEvent> events = given(List.of(), expansion);
    assertThat(events)
        .containsExactly(
            new OpportunityOpened(
                LEAD, OPPORTUNITY, OpportunityKind.UPSELL, "fs-account-team", "30 more seats"),
            new DealStageChanged(
                LEAD,
                OPPORTUNITY,
                null,
                DealStage.FIRST_PROPOSAL,
                estimate,
                null,
                20,
                List.of(),
                "deal-service"));
    Opportunity.State state = opportunity.fold(events);
    assertThat(state.status()).isEqualTo(Opportunity.Status.VALID);
    assertThat(state.stage()).isEqualTo(DealStage.FIRST_PROPOSAL);
    assertThat(given(events, expansion)).isEmpty();
    assertThat(rejection(() -> given(events, new Opportunity.Accept("x"))).reason())
        .isEqualTo(CommandRejected.Reason.CONFLICT);
    assertThat(given(events, new Opportunity.Win(YEN, START, 12))).hasSize(1);
  }
}
