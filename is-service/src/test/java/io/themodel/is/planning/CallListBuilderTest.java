package io.themodel.is.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.calllist.Prospect;
import io.themodel.is.planning.CallListBuilder.Assignment;
import io.themodel.is.planning.CallListBuilder.Candidate;
import io.themodel.is.planning.CallListBuilder.Conditions;
import io.themodel.is.planning.CallListBuilder.Strategy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallListBuilderTest {

  private static final Instant BUILD_DAY = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant DAY = Instant.parse("2026-04-02T00:00:00Z");
  private static final Instant DUE = Instant.parse("2026-04-01T10:00:00Z");

  private static Candidate lead(String company, int priority) {
    return new Candidate(
        UUID.randomUUID(),
        company,
        Prospect.Status.ON_CALL_LIST,
        DUE,
        priority,
        ScoreBand.MQL_HIGH,
        LeadSource.SEMINAR,
        null);
  }

  private static List<Assignment> build(
      Conditions conditions, List<Candidate> candidates, Set<String> called) {
    return new CallListBuilder(conditions)
        .build(candidates, DAY, BUILD_DAY, called, Map.of("is-a", 0, "is-b", 2));
  }

  private static Conditions conditions(Strategy strategy, int maxPerRep) {
    return new Conditions(Set.of(), Set.of(), Duration.ofHours(20), maxPerRep, strategy);
  }

  @Test
  void first_priority_and_earliest_due_first_shared_round_robin() {
    Candidate second = lead("b", 2);
    Candidate first = lead("a", 1);
    Candidate third = lead("c", 3);
    assertThat(build(conditions(Strategy.ROUND_ROBIN, 5), List.of(second, third, first), Set.of()))
        .containsExactly(
            new Assignment(first.leadId(), "is-a", 1),
            new Assignment(second.leadId(), "is-b", 1),
            new Assignment(third.leadId(), "is-a", 2));
  }

  @Test
  void by_load_the_rep_with_the_fewest_follow_ups_gets_the_next_lead() {
    List<Candidate> leads = List.of(lead("a", 1), lead("b", 2), lead("c", 3), lead("d", 4));
    assertThat(build(conditions(Strategy.BY_LOAD, 5), leads, Set.of()))
        .extracting(Assignment::rep)
        .containsExactly("is-a", "is-a", "is-a", "is-b"); // is-b starts with 2
  }

  @Test
  void leads_not_due_by_the_end_of_the_day_wait() {
    Candidate later =
        new Candidate(
            UUID.randomUUID(),
            "x",
            Prospect.Status.ON_CALL_LIST,
            DAY.plus(Duration.ofDays(1)),
            1,
            ScoreBand.SQL,
            LeadSource.INQUIRY,
            null);
    assertThat(build(conditions(Strategy.ROUND_ROBIN, 5), List.of(later), Set.of())).isEmpty();
  }

  @Test
  void band_and_source_conditions_filter_the_list() {
    Candidate low =
        new Candidate(
            UUID.randomUUID(),
            "x",
            Prospect.Status.ON_CALL_LIST,
            DUE,
            1,
            ScoreBand.MQL_LOW,
            LeadSource.SEMINAR,
            null);
    Candidate listImport =
        new Candidate(
            UUID.randomUUID(),
            "y",
            Prospect.Status.ON_CALL_LIST,
            DUE,
            1,
            ScoreBand.SQL,
            LeadSource.LIST_IMPORT,
            null);
    Conditions strict =
        new Conditions(
            EnumSet.of(ScoreBand.MQL_HIGH, ScoreBand.SQL),
            EnumSet.of(LeadSource.SEMINAR, LeadSource.INQUIRY),
            Duration.ofHours(20),
            5,
            Strategy.ROUND_ROBIN);
    assertThat(build(strict, List.of(low, listImport), Set.of())).isEmpty();
  }

  @Test
  void a_company_called_today_is_not_called_tomorrow_and_one_person_per_company_per_day() {
    Candidate calledCompany = lead("ppt", 1);
    Candidate colleague1 = lead("acme", 1);
    Candidate colleague2 = lead("acme", 2);
    assertThat(
            build(
                conditions(Strategy.ROUND_ROBIN, 5),
                List.of(calledCompany, colleague1, colleague2),
                Set.of("ppt")))
        .extracting(Assignment::leadId)
        .containsExactly(colleague1.leadId());
  }

  @Test
  void no_rep_gets_more_than_the_maximum() {
    List<Candidate> leads = List.of(lead("a", 1), lead("b", 1), lead("c", 1), lead("d", 1));
    assertThat(build(conditions(Strategy.ROUND_ROBIN, 1), leads, Set.of())).hasSize(2);
  }

  @Test
  void the_next_business_day_skips_weekends_and_holidays() {
    BusinessCalendar calendar =
        new BusinessCalendar(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            Set.of(LocalDate.parse("2026-05-04")));
    assertThat(calendar.nextBusinessDay(LocalDate.parse("2026-04-01")))
        .isEqualTo(LocalDate.parse("2026-04-02"));
    assertThat(calendar.nextBusinessDay(LocalDate.parse("2026-05-01"))) // Friday
        .isEqualTo(LocalDate.parse("2026-05-05")); // Monday the 4th is a holiday
  }
}
