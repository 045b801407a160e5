package io.themodel.is.calllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.Money;
import io.themodel.events.is.BantUpdated;
import io.themodel.events.is.CallListEntered;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.CallOutcome;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.IsEvent;
import io.themodel.events.is.IsStage;
import io.themodel.events.is.IsStageChanged;
import io.themodel.events.is.ProspectProfiled;
import io.themodel.events.is.Qualified;
import io.themodel.events.is.TossUpOverridden;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.LeadSource;
import io.themodel.is.qualification.Bant;
import io.themodel.is.qualification.BantCondition;
import io.themodel.is.qualification.BantItem;
import io.themodel.platform.command.CommandRejected;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProspectTest {

  private static final UUID LEAD = UUID.randomUUID();
  private static final UUID TOSS_UP = UUID.randomUUID();
  private static final Instant DUE = Instant.parse("2026-04-01T10:00:00Z");
  private static final String REP = "is-suzuki";
  private static final CallListEntered ENTERED =
      new CallListEntered(LEAD, LeadSource.SEMINAR, DUE, 2);
  private static final Bant NEED_AND_TIMELINE = new Bant(false, false, true, true);

  private final Prospect prospect =
      new Prospect(new BantCondition(List.of(BantItem.NEED, BantItem.TIMELINE)));

  private List<IsEvent> given(List<IsEvent> history, Prospect.Command command) {
    return prospect.decide(command, prospect.fold(history), Clock.systemUTC());
  }

  /** The history, then what the command decided appended to it. */
  private List<IsEvent> after(List<IsEvent> history, Prospect.Command command) {
    List<IsEvent> all = new ArrayList<>(history);
    all.addAll(given(history, command));
    return all;
  }

  private static Prospect.TossUp tossUp() {
    return new Prospect.TossUp(TOSS_UP, "v3", "Budget approved for Q3", "fs-tanaka");
  }

  private static Prospect.LogCall call(CallOutcome outcome) {
    return new Prospect.LogCall(outcome, REP, null, null);
  }

  private static Prospect.LogCall callHearing(String environment) {
    return new Prospect.LogCall(CallOutcome.CONTACTED_KEY_PERSON, REP, environment, null);
  }

  private static Prospect.UpdateBant bant(Bant bant) {
    return new Prospect.UpdateBant(bant, null, REP);
  }

  private static void assertRejected(Runnable command, CommandRejected.Reason reason) {
    assertThatThrownBy(command::run)
        .isInstanceOfSatisfying(
            CommandRejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void an_mql_enters_the_call_list_due_at_its_follow_up() {
    assertThat(given(List.of(), new Prospect.EnterCallList(LEAD, LeadSource.SEMINAR, DUE, 2)))
        .containsExactly(ENTERED);
  }

  @Test
  void an_mql_delivered_again_does_not_enter_the_list_twice() {
    assertThat(
            given(List.of(ENTERED), new Prospect.EnterCallList(LEAD, LeadSource.SEMINAR, DUE, 2)))
        .isEmpty();
  }

  @Test
  void a_prospect_on_the_list_is_tossed_up_with_the_rule_version_and_the_rep() {
    assertThat(given(List.of(ENTERED), tossUp()))
        .containsExactly(new TossedUp(LEAD, TOSS_UP, "v3", "Budget approved for Q3", "fs-tanaka"));
  }

  @Test
  void a_lead_not_on_the_list_cannot_be_tossed_up() {
    assertRejected(() -> given(List.of(), tossUp()), CommandRejected.Reason.NOT_FOUND);
  }

  @Test
  void a_prospect_is_tossed_up_once() {
    TossedUp tossed = new TossedUp(LEAD, TOSS_UP, "v3", null, "fs-tanaka");
    assertRejected(
        () -> given(List.of(ENTERED, tossed), tossUp()), CommandRejected.Reason.CONFLICT);
  }

  // Stage A: get past reception. Exit: a call that reached the company (a connect).

  @Test
  void a_call_nobody_answers_is_logged_and_leaves_the_prospect_in_stage_a() {
    assertThat(given(List.of(ENTERED), call(CallOutcome.NO_ANSWER)))
        .containsExactly(new CallLogged(LEAD, CallOutcome.NO_ANSWER, REP, null, null));
  }

  @Test
  void a_wrong_number_leaves_the_prospect_in_stage_a() {
    assertThat(given(List.of(ENTERED), call(CallOutcome.WRONG_NUMBER)))
        .containsExactly(new CallLogged(LEAD, CallOutcome.WRONG_NUMBER, REP, null, null));
  }

  @Test
  void a_call_that_reaches_the_reception_moves_the_prospect_from_a_to_b() {
    assertThat(given(List.of(ENTERED), call(CallOutcome.CONNECTED_RECEPTION)))
        .containsExactly(
            new CallLogged(LEAD, CallOutcome.CONNECTED_RECEPTION, REP, null, null),
            new IsStageChanged(LEAD, IsStage.A, IsStage.B));
  }

  @Test
  void a_call_back_request_or_a_refusal_is_a_connect_that_leaves_stage_a() {
    assertThat(given(List.of(ENTERED), call(CallOutcome.CALL_BACK_REQUESTED)))
        .contains(new IsStageChanged(LEAD, IsStage.A, IsStage.B));
    assertThat(given(List.of(ENTERED), call(CallOutcome.NOT_INTERESTED)))
        .contains(new IsStageChanged(LEAD, IsStage.A, IsStage.B));
  }

  // Stage B: reach the decision maker. Exit: contact with the person in charge.

  @Test
  void reaching_the_person_in_charge_moves_the_prospect_from_b_to_c() {
    List<IsEvent> inB = after(List.of(ENTERED), call(CallOutcome.CONNECTED_RECEPTION));
    assertThat(given(inB, call(CallOutcome.CONTACTED_KEY_PERSON)))
        .containsExactly(
            new CallLogged(LEAD, CallOutcome.CONTACTED_KEY_PERSON, REP, null, null),
            new IsStageChanged(LEAD, IsStage.B, IsStage.C));
  }

  @Test
  void a_second_reception_call_does_not_move_a_prospect_already_in_b() {
    List<IsEvent> inB = after(List.of(ENTERED), call(CallOutcome.CONNECTED_RECEPTION));
    assertThat(given(inB, call(CallOutcome.CONNECTED_RECEPTION)))
        .containsExactly(new CallLogged(LEAD, CallOutcome.CONNECTED_RECEPTION, REP, null, null));
  }

  @Test
  void reaching_the_person_in_charge_on_the_first_call_skips_from_a_to_c() {
    assertThat(given(List.of(ENTERED), call(CallOutcome.CONTACTED_KEY_PERSON)))
        .containsExactly(
            new CallLogged(LEAD, CallOutcome.CONTACTED_KEY_PERSON, REP, null, null),
            new IsStageChanged(LEAD, IsStage.A, IsStage.C));
  }

  // Stage C: raise interest. Exit: the current environment was heard.

  @Test
  void hearing_the_current_environment_moves_the_prospect_from_c_to_d() {
    List<IsEvent> inC = after(List.of(ENTERED), call(CallOutcome.CONTACTED_KEY_PERSON));
    assertThat(given(inC, callHearing("Excel, 40 reps")))
        .containsExactly(
            new CallLogged(LEAD, CallOutcome.CONTACTED_KEY_PERSON, REP, "Excel, 40 reps", null),
            new IsStageChanged(LEAD, IsStage.C, IsStage.D));
  }

  @Test
  void the_current_environment_can_only_be_heard_from_the_person_in_charge() {
    Prospect.LogCall fromReception =
        new Prospect.LogCall(CallOutcome.CONNECTED_RECEPTION, REP, "Excel", null);
    assertThatThrownBy(() -> given(List.of(ENTERED), fromReception))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE);
              assertThat(r.field()).isEqualTo("currentEnvironment");
            });
  }

  // Stage D: create a prospect. Exit: BANT "N" (need) met.

  @Test
  void a_need_met_moves_the_prospect_from_d_to_e() {
    List<IsEvent> inD = after(List.of(ENTERED), callHearing("Excel, 40 reps"));
    assertThat(given(inD, bant(new Bant(false, false, true, false))))
        .containsExactly(
            new BantUpdated(LEAD, false, false, true, false, null, REP),
            new IsStageChanged(LEAD, IsStage.D, IsStage.E));
  }

  @Test
  void bant_without_the_need_does_not_move_the_stage() {
    List<IsEvent> inD = after(List.of(ENTERED), callHearing("Excel, 40 reps"));
    assertThat(given(inD, bant(new Bant(true, true, false, true))))
        .containsExactly(new BantUpdated(LEAD, true, true, false, true, null, REP));
  }

  @Test
  void an_inquiry_whose_need_is_known_at_once_skips_from_a_to_e() {
    assertThat(given(List.of(ENTERED), bant(new Bant(false, false, true, false))))
        .contains(new IsStageChanged(LEAD, IsStage.A, IsStage.E));
  }

  @Test
  void a_need_withdrawn_moves_the_prospect_back_to_the_stage_its_calls_reached() {
    List<IsEvent> inE =
        after(
            after(List.of(ENTERED), call(CallOutcome.CONTACTED_KEY_PERSON)),
            bant(new Bant(false, false, true, false)));
    assertThat(given(inE, bant(Bant.NOTHING_KNOWN)))
        .containsExactly(
            new BantUpdated(LEAD, false, false, false, false, null, REP),
            new IsStageChanged(LEAD, IsStage.E, IsStage.C));
  }

  // Qualified: the configured BANT condition (here need and timeline) holds.

  @Test
  void the_configured_bant_condition_qualifies_the_prospect_once() {
    List<IsEvent> decided = given(List.of(ENTERED), bant(NEED_AND_TIMELINE));
    assertThat(decided).contains(new Qualified(LEAD, "NEED+TIMELINE", REP));

    List<IsEvent> qualified = new ArrayList<>(List.of(ENTERED));
    qualified.addAll(decided);
    assertThat(given(qualified, bant(new Bant(true, false, true, true))))
        .containsExactly(new BantUpdated(LEAD, true, false, true, true, null, REP));
  }

  @Test
  void part_of_the_condition_does_not_qualify() {
    assertThat(given(List.of(ENTERED), bant(new Bant(true, true, true, false))))
        .noneMatch(e -> e instanceof Qualified);
  }

  @Test
  void the_same_bant_recorded_again_changes_nothing() {
    List<IsEvent> recorded = after(List.of(ENTERED), bant(NEED_AND_TIMELINE));
    assertThat(given(recorded, bant(NEED_AND_TIMELINE))).isEmpty();
  }

  @Test
  void calls_and_bant_need_a_prospect_on_the_call_list() {
    assertRejected(
        () -> given(List.of(), call(CallOutcome.NO_ANSWER)), CommandRejected.Reason.NOT_FOUND);
    assertRejected(
        () -> given(List.of(), bant(NEED_AND_TIMELINE)), CommandRejected.Reason.NOT_FOUND);
    TossedUp tossed = new TossedUp(LEAD, TOSS_UP, "v3", null, "fs-tanaka");
    assertRejected(
        () -> given(List.of(ENTERED, tossed), call(CallOutcome.NO_ANSWER)),
        CommandRejected.Reason.CONFLICT);
  }

  // Recycle A

  @Test
  void a_prospect_on_the_list_is_disqualified_with_the_reason_and_the_rep() {
    assertThat(given(List.of(ENTERED), new Prospect.Disqualify("no budget this year", REP)))
        .containsExactly(new Disqualified(LEAD, "no budget this year", REP));
  }

  @Test
  void a_disqualified_prospect_takes_no_calls_and_cannot_be_tossed_up() {
    Disqualified disqualified = new Disqualified(LEAD, "no budget", REP);
    List<IsEvent> history = List.of(ENTERED, disqualified);
    assertRejected(
        () -> given(history, call(CallOutcome.NO_ANSWER)), CommandRejected.Reason.CONFLICT);
    assertRejected(() -> given(history, tossUp()), CommandRejected.Reason.CONFLICT);
    assertRejected(
        () -> given(history, new Prospect.Disqualify("again", REP)),
        CommandRejected.Reason.CONFLICT);
  }

  @Test
  void a_tossed_up_prospect_cannot_be_disqualified() {
    TossedUp tossed = new TossedUp(LEAD, TOSS_UP, "v3", null, "fs-tanaka");
    assertRejected(
        () -> given(List.of(ENTERED, tossed), new Prospect.Disqualify("no budget", REP)),
        CommandRejected.Reason.CONFLICT);
  }

  @Test
  void a_disqualified_lead_qualified_again_by_marketing_starts_a_new_round_in_stage_a() {
    List<IsEvent> history =
        after(
            after(List.of(ENTERED), call(CallOutcome.CONTACTED_KEY_PERSON)),
            new Prospect.Disqualify("no budget", REP));
    Prospect.EnterCallList again =
        new Prospect.EnterCallList(LEAD, LeadSource.SEMINAR, DUE.plusSeconds(86400), 2);
    List<IsEvent> back = after(history, again);

    assertThat(back.get(back.size() - 1))
        .isEqualTo(new CallListEntered(LEAD, LeadSource.SEMINAR, DUE.plusSeconds(86400), 2));
    assertThat(prospect.fold(back).stage()).isEqualTo(IsStage.A);
    assertThat(given(back, call(CallOutcome.CONNECTED_RECEPTION)))
        .contains(new IsStageChanged(LEAD, IsStage.A, IsStage.B));
  }

  // Toss-up against the active rule version

  @Test
  void a_lead_the_rules_fail_is_not_tossed_up_without_an_override_reason() {
    Prospect.TossUp againstRules =
        new Prospect.TossUp(
            TOSS_UP, "2026.1", null, "fs-tanaka", List.of("conditions[0] EMPLOYEES"), " ");
    assertThatThrownBy(() -> given(List.of(ENTERED), againstRules))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE);
              assertThat(r.field()).isEqualTo("overrideReason");
              assertThat(r.getMessage()).contains("2026.1", "conditions[0] EMPLOYEES");
            });
  }

  @Test
  void a_lead_the_rules_fail_is_tossed_up_with_the_override_recorded() {
    Prospect.TossUp overridden =
        new Prospect.TossUp(
            TOSS_UP,
            "2026.1",
            "group company of a customer",
            "fs-tanaka",
            List.of("conditions[0] EMPLOYEES"),
            "group company of a customer");
    assertThat(given(List.of(ENTERED), overridden))
        .containsExactly(
            new TossedUp(LEAD, TOSS_UP, "2026.1", "group company of a customer", "fs-tanaka"),
            new TossUpOverridden(
                LEAD,
                TOSS_UP,
                "2026.1",
                List.of("conditions[0] EMPLOYEES"),
                "group company of a customer",
                "fs-tanaka"));
  }

  @Test
  void the_company_profile_is_recorded_when_it_changes_and_survives_a_new_round() {
    Prospect.CompanyProfile profile =
        new Prospect.CompanyProfile(
            new Money(new BigDecimal("500000000"), "JPY"),
            120,
            "IT",
            LocalDate.parse("2026-09-01"));
    List<IsEvent> profiled = after(List.of(ENTERED), new Prospect.ProfileCompany(profile, REP));
    assertThat(profiled.get(1))
        .isEqualTo(
            new ProspectProfiled(
                LEAD,
                new Money(new BigDecimal("500000000"), "JPY"),
                120,
                "IT",
                LocalDate.parse("2026-09-01"),
                REP));
    assertThat(given(profiled, new Prospect.ProfileCompany(profile, REP))).isEmpty();

    List<IsEvent> recycled =
        after(
            after(profiled, new Prospect.Disqualify("later", REP)),
            new Prospect.EnterCallList(LEAD, LeadSource.SEMINAR, DUE, 2));
    assertThat(prospect.fold(recycled).profile()).isEqualTo(profile);
  }
}
