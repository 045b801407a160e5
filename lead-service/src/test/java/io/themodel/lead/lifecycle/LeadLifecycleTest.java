package io.themodel.lead.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.lead.CompanyMatch;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadEvent;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadReincluded;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.ScoreBand;
import io.themodel.lead.exclusion.Exclusion;
import io.themodel.lead.identity.CompanyResolution;
import io.themodel.lead.scoring.ActivityType;
import io.themodel.lead.scoring.ScoringRules;
import io.themodel.platform.command.CommandRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeadLifecycleTest {

  private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final UUID LEAD = UUID.randomUUID();

  /** The weight of each behaviour, as configured by default. */
  static final Map<ActivityType, Integer> WEIGHTS =
      Map.of(
          ActivityType.SEMINAR_ATTENDED, 30,
          ActivityType.DOWNLOAD, 10,
          ActivityType.INQUIRY, 50,
          ActivityType.PAGE_VIEW, 1,
          ActivityType.EMAIL_CLICK, 3);

  static final ScoringRules SCORING =
      new ScoringRules(WEIGHTS, Map.of("部長", 20), 1, 50, 100, ScoreBand.MQL_HIGH);

  private final LeadLifecycle lifecycle =
      new LeadLifecycle(
          new FollowUpSchedule(
              Arrays.stream(LeadSource.values())
                  .collect(
                      Collectors.toMap(
                          Function.identity(),
                          s ->
                              s == LeadSource.INQUIRY
                                  ? new FollowUpSchedule.FollowUp(Duration.ofHours(1), 1)
                                  : new FollowUpSchedule.FollowUp(Duration.ofDays(3), 3)))),
          SCORING);

  private List<LeadEvent> given(List<LeadEvent> history, LeadLifecycle.Command command) {
    return lifecycle.decide(command, lifecycle.fold(history), CLOCK);
  }

  private static LeadCaptured captured(LeadSource source) {
    return new LeadCaptured(
        LEAD,
        source,
        "spring-seminar",
        new Person("山田 太郎", "taro@example.co.jp", null, null),
        "株式会社PPT",
        true);
  }

  private static final UUID COMPANY = UUID.randomUUID();
  private static final CompanyResolution PPT =
      new CompanyResolution(COMPANY, "ppt", CompanyMatch.NEW_COMPANY);

  private static LeadLifecycle.Capture capture() {
    return capture(null);
  }

  private static LeadLifecycle.Capture capture(Exclusion exclusion) {
    LeadCaptured c = captured(LeadSource.INQUIRY);
    return new LeadLifecycle.Capture(
        LEAD,
        c.source(),
        c.campaign(),
        c.person(),
        c.companyName(),
        c.consent(),
        PPT,
        exclusion,
        null);
  }

  private static CompanyResolved resolved() {
    return new CompanyResolved(LEAD, COMPANY, "ppt", CompanyMatch.NEW_COMPANY);
  }

  private static LeadExcluded excluded() {
    return new LeadExcluded(LEAD, ExclusionReason.STUDENT, "domain ac.jp");
  }

  @Test
  void a_new_lead_is_captured_from_its_source_and_resolved_to_its_company() {
    assertThat(given(List.of(), capture()))
        .containsExactly(captured(LeadSource.INQUIRY), resolved());
  }

  @Test
  void a_lead_an_exclusion_rule_matches_is_split_off_at_capture_with_the_reason() {
    assertThat(given(List.of(), capture(new Exclusion(ExclusionReason.STUDENT, "domain ac.jp"))))
        .containsExactly(captured(LeadSource.INQUIRY), resolved(), excluded());
  }

  @Test
  void a_new_touch_on_a_known_lead_is_recorded_once_however_often_it_is_re_sent() {
    UUID touchId = UUID.randomUUID();
    LeadLifecycle.Touch touch = new LeadLifecycle.Touch(touchId, LeadSource.DOWNLOAD, "whitepaper");
    LeadTouched touched = new LeadTouched(LEAD, touchId, LeadSource.DOWNLOAD, "whitepaper");

    assertThat(given(List.of(captured(LeadSource.INQUIRY), resolved()), touch))
        .containsExactly(touched);
    assertThat(given(List.of(captured(LeadSource.INQUIRY), resolved(), touched), touch)).isEmpty();
  }

  @Test
  void an_unknown_lead_cannot_be_touched() {
    assertThatThrownBy(
            () ->
                given(
                    List.of(),
                    new LeadLifecycle.Touch(UUID.randomUUID(), LeadSource.SEMINAR, null)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> assertThat(r.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
  }

  @Test
  void an_excluded_lead_cannot_be_qualified_until_a_person_re_includes_it() {
    List<LeadEvent> history = List.of(captured(LeadSource.INQUIRY), resolved(), excluded());

    assertThatThrownBy(() -> given(history, new LeadLifecycle.Qualify(ScoreBand.SQL)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
    LeadReincluded reincluded = new LeadReincluded(LEAD, "mk-ito", "not a student after all");
    assertThat(given(history, new LeadLifecycle.Reinclude("mk-ito", "not a student after all")))
        .containsExactly(reincluded);
    List<LeadEvent> back = new java.util.ArrayList<>(history);
    back.add(reincluded);
    assertThat(given(back, new LeadLifecycle.Qualify(ScoreBand.SQL)))
        .singleElement()
        .isInstanceOf(MarketingQualified.class);
  }

  @Test
  void a_lead_is_excluded_later_once_and_only_an_excluded_lead_is_re_included() {
    List<LeadEvent> captured = List.of(captured(LeadSource.INQUIRY), resolved());
    Exclusion student = new Exclusion(ExclusionReason.STUDENT, "domain ac.jp");

    assertThat(given(captured, new LeadLifecycle.Exclude(student))).containsExactly(excluded());
    assertThatThrownBy(
            () ->
                given(
                    List.of(captured(LeadSource.INQUIRY), resolved(), excluded()),
                    new LeadLifecycle.Exclude(student)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
    assertThatThrownBy(() -> given(captured, new LeadLifecycle.Reinclude("mk-ito", null)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
  }

  @Test
  void capturing_the_same_lead_again_records_nothing_new() {
    assertThat(given(List.of(captured(LeadSource.INQUIRY)), capture())).isEmpty();
  }

  @Test
  void a_qualified_lead_is_due_for_follow_up_by_its_source() {
    assertThat(
            given(
                List.of(captured(LeadSource.INQUIRY)),
                new LeadLifecycle.Qualify(ScoreBand.MQL_HIGH)))
        .containsExactly(
            new MarketingQualified(
                LEAD, ScoreBand.MQL_HIGH, LeadSource.INQUIRY, NOW.plus(Duration.ofHours(1)), 1));
    assertThat(
            given(
                List.of(captured(LeadSource.DOWNLOAD)),
                new LeadLifecycle.Qualify(ScoreBand.MQL_LOW)))
        .singleElement()
        .isInstanceOfSatisfying(
            MarketingQualified.class,
            mql -> {
              assertThat(mql.followUpDueAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
              assertThat(mql.priority()).isEqualTo(3);
            });
  }

  @Test
  void an_unknown_lead_cannot_be_qualified() {
    assertThatThrownBy(() -> given(List.of(), new LeadLifecycle.Qualify(ScoreBand.SQL)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> assertThat(r.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
  }

  @Test
  void an_mql_is_not_qualified_twice() {
    MarketingQualified qualified =
        new MarketingQualified(LEAD, ScoreBand.SQL, LeadSource.INQUIRY, NOW, 1);
    assertThatThrownBy(
            () ->
                given(
                    List.of(captured(LeadSource.INQUIRY), qualified),
                    new LeadLifecycle.Qualify(ScoreBand.SQL)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT));
  }

  @Test
  void the_lead_band_is_not_an_mql_band() {
    assertThatThrownBy(
            () ->
                given(
                    List.of(captured(LeadSource.INQUIRY)),
                    new LeadLifecycle.Qualify(ScoreBand.LEAD)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE);
              assertThat(r.field()).isEqualTo("band");
            });
  }

  @Test
  void behaviour_is_scored_by_its_weight_and_crossing_the_hand_off_band_makes_an_mql() {
    List<LeadEvent> history =
        List.of(
            captured(LeadSource.INQUIRY),
            resolved(),
            new LeadScored(LEAD, 30, 30, "SEMINAR_ATTENDED", ScoreBand.MQL_LOW));

    assertThat(given(history, new LeadLifecycle.RecordActivity(ActivityType.DOWNLOAD, 2)))
        .containsExactly(
            new LeadScored(LEAD, 20, 50, "DOWNLOAD", ScoreBand.MQL_HIGH),
            new MarketingQualified(
                LEAD, ScoreBand.MQL_HIGH, LeadSource.INQUIRY, NOW.plus(Duration.ofHours(1)), 1));
    assertThat(given(history, new LeadLifecycle.RecordActivity(ActivityType.PAGE_VIEW, 19)))
        .containsExactly(new LeadScored(LEAD, 19, 49, "PAGE_VIEW", ScoreBand.MQL_LOW));
  }

  @Test
  void an_excluded_lead_or_an_mql_is_scored_without_a_second_hand_off() {
    List<LeadEvent> excludedLead = List.of(captured(LeadSource.INQUIRY), resolved(), excluded());
    assertThat(given(excludedLead, new LeadLifecycle.RecordActivity(ActivityType.INQUIRY, 2)))
        .containsExactly(new LeadScored(LEAD, 100, 100, "INQUIRY", ScoreBand.SQL));
    List<LeadEvent> mql =
        List.of(
            captured(LeadSource.INQUIRY),
            resolved(),
            new MarketingQualified(LEAD, ScoreBand.SQL, LeadSource.INQUIRY, NOW, 1));
    assertThat(given(mql, new LeadLifecycle.RecordActivity(ActivityType.INQUIRY, 1)))
        .containsExactly(new LeadScored(LEAD, 50, 50, "INQUIRY", ScoreBand.MQL_HIGH));
  }

  @Test
  void the_role_adds_fit_at_capture_and_decay_never_takes_the_score_below_zero() {
    LeadLifecycle.Capture manager =
        new LeadLifecycle.Capture(
            LEAD,
            LeadSource.SEMINAR,
            null,
            new Person("山田 太郎", "taro@example.co.jp", null, "営業部 部長"),
            "株式会社PPT",
            true,
            PPT,
            null,
            null);
    assertThat(given(List.of(), manager))
        .contains(new LeadScored(LEAD, 20, 20, "FIT_ROLE", ScoreBand.MQL_LOW));

    List<LeadEvent> scored =
        List.of(
            captured(LeadSource.INQUIRY),
            resolved(),
            new LeadScored(LEAD, 3, 3, "EMAIL_CLICK", ScoreBand.MQL_LOW));
    assertThat(given(scored, new LeadLifecycle.Decay(5)))
        .containsExactly(new LeadScored(LEAD, -3, 0, "DECAY", ScoreBand.LEAD));
    List<LeadEvent> zero = new java.util.ArrayList<>(scored);
    zero.add(new LeadScored(LEAD, -3, 0, "DECAY", ScoreBand.LEAD));
    assertThat(given(zero, new LeadLifecycle.Decay(5))).isEmpty();
  }

  @Test
  void scoring_bands_that_do_not_rise_are_refused_at_start_up() {
    assertThatThrownBy(
            () ->
                new ScoringRules(
                    Map.of(
                        ActivityType.SEMINAR_ATTENDED, 30,
                        ActivityType.DOWNLOAD, 10,
                        ActivityType.INQUIRY, 50,
                        ActivityType.PAGE_VIEW, 1,
                        ActivityType.EMAIL_CLICK, 3),
                    Map.of(),
                    50,
                    50,
                    100,
                    ScoreBand.MQL_HIGH))
        .hasMessageContaining("bands must rise");
  }

  @Test
  void a_schedule_missing_a_source_is_refused_at_start_up() {
    assertThatThrownBy(
            () ->
                new FollowUpSchedule(
                    Map.of(LeadSource.INQUIRY, new FollowUpSchedule.FollowUp(Duration.ZERO, 1))))
        .hasMessageContaining("no follow-up configured for source");
  }
}
