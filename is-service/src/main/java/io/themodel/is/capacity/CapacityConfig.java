package io.themodel.is.capacity;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * {@code themodel.toss-up.capacity.bands.<name>.max-open-deals} and {@code .min-bant-items}: a
 * field rep holding up to that many open deals gets toss-ups with at least that many BANT items
 * met.
 */
@ConfigMapping(prefix = "themodel.toss-up.capacity")
public interface CapacityConfig {

  Map<String, Band> bands();

  /** One load band. */
  interface Band {
    int maxOpenDeals();

    int minBantItems();
  }
}
