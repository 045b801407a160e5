package io.themodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

  private static long ms(long millis) {
    return millis * 1_000_000;
  }

  @Test
  void a_percentile_is_the_nearest_rank_in_milliseconds() {
    Latencies latencies = new Latencies();
    for (long millis = 100; millis >= 1; millis--) {
      latencies.add(millis * 1_000_000);
    }
    assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
    assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
    assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    assertThat(new Latencies().percentileMillis(50)).isNaN();
  }

  @Test
  void the_kth_accepted_command_is_visible_when_the_count_first_reaches_base_plus_k_after_it() {
    // Accepted at 10 and 20; the count (base 5) is 6 at 15 and 7 at 40.
    List<long[]> observations =
        List.of(
            new long[] {ms(5), 5},
            new long[] {ms(15), 6},
            new long[] {ms(30), 6},
            new long[] {ms(40), 7});
    Latencies latencies = Visibility.latencies(List.of(ms(20), ms(10)), observations, 5, 0);
    assertThat(latencies.size()).isEqualTo(2);
    assertThat(latencies.percentileMillis(50)).isEqualTo(5.0); // 15 - 10
    assertThat(latencies.percentileMillis(100)).isEqualTo(20.0); // 40 - 20
  }

  @Test
  void a_count_seen_before_the_command_was_answered_counts_at_the_next_observation() {
    // The event reached the read model before the 201 reached the client.
    List<long[]> observations = List.of(new long[] {ms(8), 1}, new long[] {ms(12), 1});
    Latencies latencies = Visibility.latencies(List.of(ms(10)), observations, 0, 0);
    assertThat(latencies.percentileMillis(50)).isEqualTo(2.0);
  }

  @Test
  void warm_up_commands_and_commands_never_seen_are_not_counted() {
    List<long[]> observations = List.of(new long[] {ms(15), 1}, new long[] {ms(25), 2});
    Latencies latencies =
        Visibility.latencies(List.of(ms(10), ms(20), ms(30)), observations, 0, ms(12));
    assertThat(latencies.size()).isEqualTo(1);
    assertThat(latencies.percentileMillis(50)).isEqualTo(5.0);
  }

  @Test
  void pgbench_output_gives_transactions_per_second_and_average_latency() {
    String output =
        "transaction type: insert-lead-row.sql\n"
            + "number of clients: 32\n"
            + "latency average = 5.123 ms\n"
            + "initial connection time = 40.1 ms\n"
            + "tps = 6245.713 (without initial connection time)\n";
    PgBench.Run run = PgBench.parse(32, output);
    assertThat(run.transactionsPerSecond()).isEqualTo(6245.713);
    assertThat(run.averageLatencyMillis()).isEqualTo(5.123);
  }

  @Test
  void a_ratio_is_the_figure_over_its_reference_and_absent_without_one() {
    Row row = Row.of("ingest", "commands/s", 50, "/s").reference(200);
    assertThat(row.ratio()).isEqualTo(0.25);
    assertThat(Row.of("footprint", "ready", 10, "ms").ratio()).isNull();
    assertThat(Row.of("ingest", "p50", Double.NaN, "ms").reference(4.8).ratio()).isNull();
  }
}
