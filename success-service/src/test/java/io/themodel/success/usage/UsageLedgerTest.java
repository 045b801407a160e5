package io.themodel.success.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.themodel.events.success.UsageRecorded;
import io.themodel.success.usage.UsageLedger.Decision;
import io.themodel.success.usage.UsageLedger.MetricKey;
import io.themodel.success.usage.UsageLedger.Outcome;
import io.themodel.success.usage.UsageLedger.Report;
import io.themodel.success.usage.UsageLedger.UsageRecord;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class UsageLedgerTest {

  private static final UUID ACCOUNT = UUID.fromString("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
  private static final UUID OTHER = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  private static final UUID LEAD = UUID.fromString("3f0c6c1e-5b7a-4d2e-9a61-0c2b7d8e4f10");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
  private static final Map<UUID, UUID> LEADS = Map.of(ACCOUNT, LEAD, OTHER, LEAD);

  private static UsageRecord usage(LocalDate day, Integer activeUsers, Integer logins) {
    return new UsageRecord(ACCOUNT, day, activeUsers, logins, null, null, null);
  }

  private static List<Outcome> outcomes(Decision decision) {
    return decision.reports().stream().map(Report::outcome).toList();
  }

  @Example
  void a_new_record_is_accepted_with_one_usage_recorded_event_of_its_metrics() {
    UsageRecord record = new UsageRecord(ACCOUNT, TODAY, 42, 97, "reports", 1, 9);

    Decision decision = UsageLedger.decide(List.of(record), Map.of(), LEADS, TODAY);

    assertThat(outcomes(decision)).containsExactly(Outcome.ACCEPTED);
    assertThat(decision.events())
        .containsExactly(new UsageRecorded(LEAD, ACCOUNT, TODAY, 42, 97, "reports", 1, 9));
    assertThat(decision.newMetrics())
        .containsEntry(new MetricKey(ACCOUNT, TODAY, "active-users"), 42)
        .containsEntry(new MetricKey(ACCOUNT, TODAY, "feature:reports"), 1)
        .hasSize(5);
  }

  @Example
  void a_record_already_recorded_is_a_duplicate_and_records_nothing() {
    Map<MetricKey, Integer> recorded = Map.of(new MetricKey(ACCOUNT, TODAY, "active-users"), 42);

    Decision decision = UsageLedger.decide(List.of(usage(TODAY, 42, null)), recorded, LEADS, TODAY);

    assertThat(outcomes(decision)).containsExactly(Outcome.DUPLICATE);
    assertThat(decision.events()).isEmpty();
    assertThat(decision.newMetrics()).isEmpty();
  }

  @Example
  void a_record_adding_a_metric_to_a_recorded_day_publishes_only_the_new_metric() {
    Map<MetricKey, Integer> recorded = Map.of(new MetricKey(ACCOUNT, TODAY, "active-users"), 42);

    Decision decision = UsageLedger.decide(List.of(usage(TODAY, 42, 97)), recorded, LEADS, TODAY);

    assertThat(outcomes(decision)).containsExactly(Outcome.ACCEPTED);
    assertThat(decision.events())
        .containsExactly(new UsageRecorded(LEAD, ACCOUNT, TODAY, null, 97, null, null, null));
  }

  @Example
  void a_record_contradicting_a_recorded_value_is_rejected_with_the_reason() {
    Map<MetricKey, Integer> recorded = Map.of(new MetricKey(ACCOUNT, TODAY, "active-users"), 42);

    Decision decision = UsageLedger.decide(List.of(usage(TODAY, 43, 5)), recorded, LEADS, TODAY);

    assertThat(decision.reports())
        .containsExactly(
            new Report(0, Outcome.REJECTED, "active-users is already recorded as 42 for that day"));
    assertThat(decision.events()).isEmpty();
    assertThat(decision.newMetrics()).isEmpty();
  }

  @Example
  void records_that_cannot_be_recorded_are_rejected_each_with_its_reason() {
    List<UsageRecord> batch =
        List.of(
            new UsageRecord(UUID.randomUUID(), TODAY, 1, null, null, null, null),
            usage(TODAY.plusDays(1), 1, null),
            usage(TODAY, -1, null),
            new UsageRecord(ACCOUNT, TODAY, null, null, null, null, 11),
            usage(TODAY, null, null),
            new UsageRecord(null, TODAY, 1, null, null, null, null),
            new UsageRecord(ACCOUNT, TODAY, null, null, " ", null, null));

    Decision decision = UsageLedger.decide(batch, Map.of(), LEADS, TODAY);

    assertThat(decision.reports())
        .extracting(Report::reason)
        .satisfiesExactly(
            r -> assertThat(r).startsWith("no customer"),
            r -> assertThat(r).contains("in the future"),
            r -> assertThat(r).contains("must not be negative"),
            r -> assertThat(r).contains("npsAnswer"),
            r -> assertThat(r).isEqualTo("no metric in the record"),
            r -> assertThat(r).isEqualTo("accountId is required"),
            r -> assertThat(r).contains("featureUsed"));
    assertThat(outcomes(decision)).containsOnly(Outcome.REJECTED);
    assertThat(decision.events()).isEmpty();
  }

  @Example
  void the_same_record_twice_in_one_batch_is_accepted_once() {
    Decision decision =
        UsageLedger.decide(
            List.of(usage(TODAY, 42, 97), usage(TODAY, 42, 97)), Map.of(), LEADS, TODAY);

    assertThat(outcomes(decision)).containsExactly(Outcome.ACCEPTED, Outcome.DUPLICATE);
    assertThat(decision.events()).hasSize(1);
  }

  @Property
  void a_re_sent_batch_changes_nothing(@ForAll("batches") List<UsageRecord> batch) {
    Decision first = UsageLedger.decide(batch, Map.of(), LEADS, TODAY);
    Map<MetricKey, Integer> recorded = new HashMap<>(first.newMetrics());

    Decision again = UsageLedger.decide(batch, recorded, LEADS, TODAY);

    assertThat(again.events()).isEmpty();
    assertThat(again.newMetrics()).isEmpty();
    assertThat(outcomes(again)).doesNotContain(Outcome.ACCEPTED);
    for (int i = 0; i < batch.size(); i++) {
      Report before = first.reports().get(i);
      Report after = again.reports().get(i);
      if (before.outcome() == Outcome.REJECTED) {
        // Still rejected; the metric named may differ once later records of the batch are known.
        assertThat(after.outcome()).isEqualTo(Outcome.REJECTED);
      } else {
        assertThat(after.outcome()).isEqualTo(Outcome.DUPLICATE);
      }
    }
  }

  @Property
  void usage_sent_in_any_split_records_the_same_metrics_as_sent_at_once(
      @ForAll("batches") List<UsageRecord> batch, @ForAll("splits") int split) {
    int at = Math.min(split, batch.size());
    Decision whole = UsageLedger.decide(batch, Map.of(), LEADS, TODAY);
    Decision head = UsageLedger.decide(batch.subList(0, at), Map.of(), LEADS, TODAY);
    Decision tail =
        UsageLedger.decide(batch.subList(at, batch.size()), head.newMetrics(), LEADS, TODAY);
    Map<MetricKey, Integer> inParts = new HashMap<>(head.newMetrics());
    inParts.putAll(tail.newMetrics());

    assertThat(inParts).isEqualTo(whole.newMetrics());
    assertThat(head.events().size() + tail.events().size()).isEqualTo(whole.events().size());
  }

  @Provide
  Arbitrary<Integer> splits() {
    return Arbitraries.integers().between(0, 30);
  }

  @Provide
  Arbitrary<List<UsageRecord>> batches() {
    Arbitrary<Integer> count = Arbitraries.integers().between(-1, 50).injectNull(0.4);
    Arbitrary<Integer> nps = Arbitraries.integers().between(-1, 11).injectNull(0.6);
    Arbitrary<UsageRecord> record =
        Combinators.combine(
                Arbitraries.of(
                    ACCOUNT, OTHER, UUID.fromString("99999999-9999-4999-8999-999999999999")),
                Arbitraries.integers().between(-3, 1).map(TODAY::plusDays),
                count,
                count,
                Arbitraries.of("reports", "export", "api").injectNull(0.5),
                count,
                nps)
            .as(UsageRecord::new);
    return record.list().ofMaxSize(30);
  }
}
