package io.themodel.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Command accepted → visible in a count: the count only says how many, not which, so the k-th
 * accepted command counts as visible at the first observation, at or after its acceptance, that
 * counts at least {@code base + k} (first in, first visible).
 */
final class Visibility {

  private Visibility() {}

  /**
   * @param acceptedAt the times (nanoTime) commands were accepted, in order
   * @param observations (nanoTime, count) pairs in time order
   * @param base the count before the first command
   * @param measureFrom commands accepted before this time are warm-up and not counted
   * @return the latencies of the commands that became visible
   */
  static Latencies latencies(
      List<Long> acceptedAt, List<long[]> observations, long base, long measureFrom) {
    List<Long> sorted = new ArrayList<>(acceptedAt);
    sorted.sort(null);
    Latencies latencies = new Latencies();
    int next = 0;
    for (int k = 0; k < sorted.size(); k++) {
      long accepted = sorted.get(k);
      long needed = base + k + 1;
      while (next < observations.size()
          && (observations.get(next)[0] < accepted || observations.get(next)[1] < needed)) {
        next++;
      }
      if (next == observations.size()) {
        break; // never seen: the rest are not visible either
      }
      if (accepted >= measureFrom) {
        latencies.add(observations.get(next)[0] - accepted);
      }
    }
    return latencies;
  }
}
