package io.themodel.lead.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.lead.CompanyMatch;
import io.themodel.events.lead.LeadEvent;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.Person;
import io.themodel.lead.identity.CompanyResolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A lead's state does not depend on how often a delivery is repeated: re-sent captures and touches
 * (the same Idempotency-Key, the same referral) decide nothing new, so folding the resulting events
 * gives the state of one delivery each.
 */
class LeadFoldingPropertiesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC);
  private static final UUID LEAD = UUID.fromString("3f0c6c1e-5b7a-4d2e-9a61-0c2b7d8e4f10");

  private final LeadLifecycle lifecycle =
      new LeadLifecycle(
          new FollowUpSchedule(
              Arrays.stream(LeadSource.values())
                  .collect(
                      Collectors.toMap(
                          Function.identity(),
                          s -> new FollowUpSchedule.FollowUp(Duration.ofHours(1), 1)))),
          LeadLifecycleTest.SCORING);

  private static final LeadLifecycle.Capture CAPTURE =
      new LeadLifecycle.Capture(
          LEAD,
          LeadSource.SEMINAR,
          "spring-seminar",
          new Person("山田 太郎", "taro@example.co.jp", null, null),
          "株式会社PPT",
          true,
          new CompanyResolution(UUID.randomUUID(), "ppt", CompanyMatch.NEW_COMPANY),
          null,
          null);

  /** Delivers the commands one by one, as the service would, and returns every event decided. */
  private List<LeadEvent> deliver(List<LeadLifecycle.Command> commands) {
    return deliver(lifecycle, commands);
  }

  private static List<LeadEvent> deliver(
      LeadLifecycle lifecycle, List<LeadLifecycle.Command> commands) {
    List<LeadEvent> history = new ArrayList<>();
    for (LeadLifecycle.Command command : commands) {
      history.addAll(lifecycle.decide(command, lifecycle.fold(history), CLOCK));
    }
    return history;
  }

  @Property
  void re_delivered_captures_and_touches_fold_to_the_state_of_one_delivery_each(
      @ForAll("deliveries") List<Integer> touchDeliveries, @ForAll("repeats") int captureRepeats) {
    List<UUID> touchIds =
        List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    List<LeadLifecycle.Command> withRepeats = new ArrayList<>();
    withRepeats.add(CAPTURE);
    for (int i = 0; i < captureRepeats; i++) {
      withRepeats.add(CAPTURE);
    }
    List<LeadLifecycle.Command> once = new ArrayList<>(List.of(CAPTURE));
    HashSet<Integer> seen = new HashSet<>();
    for (int which : touchDeliveries) {
      LeadLifecycle.Touch touch =
          new LeadLifecycle.Touch(touchIds.get(which), LeadSource.DOWNLOAD, "whitepaper");
      withRepeats.add(touch);
      if (seen.add(which)) {
        once.add(touch);
      }
    }

    List<LeadEvent> repeated = deliver(withRepeats);
    List<LeadEvent> single = deliver(once);

    assertThat(repeated).isEqualTo(single);
    assertThat(lifecycle.fold(repeated)).isEqualTo(lifecycle.fold(single));
    assertThat(repeated).filteredOn(LeadTouched.class::isInstance).hasSize(seen.size());
  }

  @Property
  void re_delivered_company_profiles_fold_to_the_state_of_one_delivery_each_and_fit_the_latest(
      @ForAll("profiles") List<LeadLifecycle.CompanyProfile> profiles,
      @ForAll("deliveries") List<Integer> repeats) {
    LeadLifecycle fitting = LeadMergingAndFitTest.lifecycle();
    List<LeadLifecycle.Command> once = new ArrayList<>(List.of(CAPTURE));
    List<LeadLifecycle.Command> withRepeats = new ArrayList<>(List.of(CAPTURE));
    for (int i = 0; i < profiles.size(); i++) {
      LeadLifecycle.Profile profile = new LeadLifecycle.Profile(profiles.get(i));
      once.add(profile);
      int times = 1 + (i < repeats.size() ? repeats.get(i) : 0);
      for (int t = 0; t < times; t++) {
        withRepeats.add(profile);
      }
    }

    List<LeadEvent> single = deliver(fitting, once);
    List<LeadEvent> repeated = deliver(fitting, withRepeats);

    assertThat(repeated).isEqualTo(single);
    Integer employees = null;
    String industry = null;
    for (LeadLifecycle.CompanyProfile profile : profiles) {
      employees = profile.employees() == null ? employees : profile.employees();
      industry = profile.industry() == null ? industry : profile.industry();
    }
    int expected =
        (employees == null ? 0 : LeadMergingAndFitTest.SCORING.fitCompanySize(employees))
            + LeadMergingAndFitTest.SCORING.fitIndustry(industry);
    assertThat(fitting.fold(repeated).score()).isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<LeadLifecycle.CompanyProfile>> profiles() {
    Arbitrary<Integer> employees =
        Arbitraries.of(10, 60, 299, 300, 999, 1000, 5000).injectNull(0.3);
    Arbitrary<String> industries =
        Arbitraries.of("Manufacturing", "製造業", "retail", "finance").injectNull(0.3);
    return Combinators.combine(employees, industries)
        .as(LeadLifecycle.CompanyProfile::new)
        .list()
        .ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Integer>> deliveries() {
    return Arbitraries.integers().between(0, 3).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<Integer> repeats() {
    return Arbitraries.integers().between(0, 3);
  }
}
