package io.themodel.lead.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.events.lead.CompanyMatch;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadEvent;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadsMerged;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.Person;
import io.themodel.events.lead.ScoreBand;
import io.themodel.lead.identity.CompanyResolution;
import io.themodel.lead.scoring.ActivityType;
import io.themodel.lead.scoring.ScoringRules;
import io.themodel.platform.command.CommandRejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Merging two leads, and fit by company size and industry, as given events → command → events. */
class LeadMergingAndFitTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC);
  private static final UUID LEAD = UUID.randomUUID();
  private static final UUID SURVIVOR = UUID.randomUUID();
  private static final UUID COMPANY = UUID.randomUUID();

  static final ScoringRules SCORING =
      new ScoringRules(
          LeadLifecycleTest.WEIGHTS,
          Map.of("部長", 20),
          Map.of(50, 10, 300, 20, 1000, 30),
          Map.of("Manufacturing", 15, "製造業", 15),
          1,
          50,
          100,
          ScoreBand.MQL_HIGH);

  private final LeadLifecycle lifecycle = lifecycle();

  /** A lifecycle with fit by size and industry, every source followed up the next day. */
  static LeadLifecycle lifecycle() {
    return new LeadLifecycle(
        new FollowUpSchedule(
            Arrays.stream(LeadSource.values())
                .collect(
                    Collectors.toMap(
                        Function.identity(),
                        s -> new FollowUpSchedule.FollowUp(Duration.ofDays(1), 2)))),
        SCORING);
  }

  private List<LeadEvent> given(List<LeadEvent> history, LeadLifecycle.Command command) {
    return lifecycle.decide(command, lifecycle.fold(history), CLOCK);
  }

  private static List<LeadEvent> captured(UUID leadId, int score) {
    List<LeadEvent> events = new ArrayList<>();
    events.add(
        new LeadCaptured(
            leadId,
            LeadSource.SEMINAR,
            null,
            new Person("山田 太郎", "taro@example.co.jp", null, null),
            "株式会社PPT",
            true));
    events.add(new CompanyResolved(leadId, COMPANY, "ppt", CompanyMatch.NEW_COMPANY));
    if (score > 0) {
      events.add(new LeadScored(leadId, score, score, "SEMINAR_ATTENDED", SCORING.band(score)));
    }
    return events;
  }

  private static LeadLifecycle.MergeInto mergeInto(UUID survivor) {
    return new LeadLifecycle.MergeInto(survivor, COMPANY, "mkt-sato", "registered twice");
  }

  private static LeadLifecycle.Capture capture(LeadLifecycle.CompanyProfile profile) {
    return new LeadLifecycle.Capture(
        LEAD,
        LeadSource.WEB_FORM,
        null,
        new Person("山田 太郎", "taro@example.co.jp", null, "エンジニア"),
        "株式会社PPT",
        true,
        new CompanyResolution(COMPANY, "ppt", CompanyMatch.NEW_COMPANY),
        null,
        profile);
  }

  @Test
  void the_absorbed_lead_records_its_survivor_and_leaves_the_funnel() {
    assertThat(given(captured(LEAD, 30), mergeInto(SURVIVOR)))
        .containsExactly(new LeadsMerged(LEAD, SURVIVOR, COMPANY, "mkt-sato", "registered twice"));

    List<LeadEvent> merged = new ArrayList<>(captured(LEAD, 30));
    merged.add(new LeadsMerged(LEAD, SURVIVOR, COMPANY, "mkt-sato", null));
    LeadLifecycle.State state = lifecycle.fold(merged);
    assertThat(state.stage()).isEqualTo(LeadLifecycle.Stage.MERGED);
    assertThat(state.mergedInto()).isEqualTo(SURVIVOR);
  }

  @Test
  void every_later_command_on_an_absorbed_lead_is_a_409_naming_the_survivor() {
    List<LeadEvent> merged = new ArrayList<>(captured(LEAD, 30));
    merged.add(new LeadsMerged(LEAD, SURVIVOR, COMPANY, "mkt-sato", null));

    for (LeadLifecycle.Command command :
        List.of(
            new LeadLifecycle.RecordActivity(ActivityType.INQUIRY, 1),
            new LeadLifecycle.Qualify(ScoreBand.MQL_HIGH),
            new LeadLifecycle.Touch(UUID.randomUUID(), LeadSource.EVENT, null),
            new LeadLifecycle.Decay(5),
            new LeadLifecycle.Absorb(UUID.randomUUID(), 10))) {
      assertThatThrownBy(() -> given(merged, command))
          .isInstanceOfSatisfying(
              CommandRejected.class,
              r -> {
                assertThat(r.reason()).isEqualTo(CommandRejected.Reason.CONFLICT);
                assertThat(r.field()).isEqualTo("leadId");
              })
          .hasMessageContaining(SURVIVOR.toString());
    }
    assertThatThrownBy(() -> given(merged, mergeInto(UUID.randomUUID())))
        .isInstanceOfSatisfying(
            CommandRejected.class, r -> assertThat(r.field()).isEqualTo("absorbedLeadId"))
        .hasMessageContaining("already merged");
  }

  @Test
  void a_lead_cannot_be_merged_into_itself_nor_when_unknown() {
    assertThatThrownBy(() -> given(captured(LEAD, 0), mergeInto(LEAD)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> assertThat(r.reason()).isEqualTo(CommandRejected.Reason.UNPROCESSABLE));
    assertThatThrownBy(() -> given(List.of(), mergeInto(SURVIVOR)))
        .isInstanceOfSatisfying(
            CommandRejected.class,
            r -> assertThat(r.reason()).isEqualTo(CommandRejected.Reason.NOT_FOUND));
  }

  @Test
  void the_survivor_takes_the_higher_score_and_a_rise_into_the_hand_off_band_makes_it_an_mql() {
    assertThat(given(captured(SURVIVOR, 30), new LeadLifecycle.Absorb(LEAD, 60)))
        .containsExactly(
            new LeadScored(SURVIVOR, 30, 60, "MERGE", ScoreBand.MQL_HIGH),
            new MarketingQualified(
                SURVIVOR,
                ScoreBand.MQL_HIGH,
                LeadSource.SEMINAR,
                CLOCK.instant().plus(Duration.ofDays(1)),
                2));
    // the warmer survivor keeps its score: nothing to record
    assertThat(given(captured(SURVIVOR, 40), new LeadLifecycle.Absorb(LEAD, 10))).isEmpty();
  }

  @Test
  void company_size_and_industry_known_at_capture_add_their_configured_fit() {
    List<LeadEvent> events =
        given(List.of(), capture(new LeadLifecycle.CompanyProfile(450, " manufacturing ")));

    assertThat(events)
        .filteredOn(LeadScored.class::isInstance)
        .containsExactly(
            new LeadScored(LEAD, 20, 20, "FIT_COMPANY_SIZE", ScoreBand.MQL_LOW),
            new LeadScored(LEAD, 15, 35, "FIT_INDUSTRY", ScoreBand.MQL_LOW));
    assertThat(given(List.of(), capture(new LeadLifecycle.CompanyProfile(12, "retail"))))
        .noneMatch(LeadScored.class::isInstance);
  }

  @Test
  void a_re_profiled_company_moves_its_fit_by_the_difference_and_an_unchanged_one_not_at_all() {
    List<LeadEvent> history =
        new ArrayList<>(
            given(List.of(), capture(new LeadLifecycle.CompanyProfile(450, "Manufacturing"))));

    List<LeadEvent> grown =
        given(history, new LeadLifecycle.Profile(new LeadLifecycle.CompanyProfile(1200, null)));
    assertThat(grown)
        .containsExactly(new LeadScored(LEAD, 10, 45, "FIT_COMPANY_SIZE", ScoreBand.MQL_LOW));
    history.addAll(grown);

    assertThat(
            given(
                history,
                new LeadLifecycle.Profile(new LeadLifecycle.CompanyProfile(1500, "MANUFACTURING"))))
        .isEmpty();
    assertThat(
            given(history, new LeadLifecycle.Profile(new LeadLifecycle.CompanyProfile(30, "IT"))))
        .containsExactly(
            new LeadScored(LEAD, -30, 15, "FIT_COMPANY_SIZE", ScoreBand.MQL_LOW),
            new LeadScored(LEAD, -15, 0, "FIT_INDUSTRY", ScoreBand.LEAD));
  }

  @Test
  void a_company_size_band_below_one_employee_is_refused_at_start_up() {
    assertThatThrownBy(
            () ->
                new ScoringRules(
                    LeadLifecycleTest.WEIGHTS,
                    Map.of(),
                    Map.of(0, 10),
                    Map.of(),
                    1,
                    50,
                    100,
                    ScoreBand.MQL_HIGH))
        .hasMessageContaining("company size band");
  }
}
