package io.themodel.is.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.ScoreBand;
import io.themodel.is.calllist.Prospect;
import io.themodel.is.planning.CallListBuilder.Assignment;
import io.themodel.is.planning.CallListBuilder.Candidate;
import io.themodel.is.planning.CallListBuilder.Conditions;
import io.themodel.is.planning.CallListBuilder.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CallListBuilderPropertiesTest {

  private static final Instant BUILD_DAY = Instant.parse("2026-04-01T00:00:00Z");
  private static final Instant DAY = Instant.parse("2026-04-02T00:00:00Z");
  private static final List<String> COMPANIES = List.of("ppt", "acme", "sample", "toyo", "kita");

  @Provide
  Arbitrary<List<Candidate>> candidates() {
    Arbitrary<Instant> times =
        Arbitraries.longs()
            .between(-3 * 86400, 3 * 86400)
            .map(seconds -> BUILD_DAY.plusSeconds(seconds));
    return Combinators.combine(
            Arbitraries.of(COMPANIES),
            Arbitraries.of(Prospect.Status.class),
            times,
            Arbitraries.integers().between(1, 4),
            Arbitraries.of(ScoreBand.class),
            Arbitraries.of(LeadSource.class),
            times.injectNull(0.4))
        .as(
            (company, status, due, priority, band, source, lastCall) ->
                new Candidate(
                    UUID.randomUUID(), company, status, due, priority, band, source, lastCall))
        .list()
        .ofMaxSize(30);
  }

  @Property
  void the_list_never_holds_an_excluded_tossed_up_or_same_day_called_person(
      @ForAll("candidates") List<Candidate> candidates,
      @ForAll Set<@net.jqwik.api.constraints.IntRange(min = 0, max = 4) Integer> called,
      @ForAll Strategy strategy,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 5) int maxPerRep) {
    Set<String> companiesCalled = new HashSet<>();
    called.forEach(i -> companiesCalled.add(COMPANIES.get(i)));
    CallListBuilder builder =
        new CallListBuilder(
            new Conditions(Set.of(), Set.of(), Duration.ofHours(20), maxPerRep, strategy));
    Map<String, Integer> reps = Map.of("is-sato", 3, "is-suzuki", 0, "is-tanaka", 1);

    List<Assignment> list = builder.build(candidates, DAY, BUILD_DAY, companiesCalled, reps);

    Map<UUID, Candidate> byLead =
        candidates.stream().collect(Collectors.toMap(Candidate::leadId, Function.identity()));
    List<Candidate> listed = list.stream().map(a -> byLead.get(a.leadId())).toList();
    assertThat(listed)
        .allSatisfy(
            c -> {
              assertThat(c.status()).isEqualTo(Prospect.Status.ON_CALL_LIST);
              assertThat(companiesCalled).doesNotContain(c.companyKey());
              if (c.lastCallAt() != null) {
                assertThat(c.lastCallAt()).isBefore(BUILD_DAY);
              }
              assertThat(c.dueAt()).isBefore(DAY.plus(Duration.ofDays(1)));
            });
    assertThat(listed.stream().map(Candidate::companyKey)).doesNotHaveDuplicates();
    assertThat(list.stream().collect(Collectors.groupingBy(Assignment::rep, Collectors.counting())))
        .allSatisfy((rep, count) -> assertThat(count).isLessThanOrEqualTo(maxPerRep));
  }
}
