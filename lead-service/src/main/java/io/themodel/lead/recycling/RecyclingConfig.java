package io.themodel.lead.recycling;

import io.smallrye.config.ConfigMapping;
import io.themodel.events.lead.RecycleKind;
import java.util.Map;

/**
 * {@code themodel.recycling.score.<a|b|win-back>=RESET|KEEP}: whether a recycled lead's score
 * starts again from zero or is kept, per kind of recycling.
 */
@ConfigMapping(prefix = "themodel.recycling")
public interface RecyclingConfig {

  Map<RecycleKind, ScoreRule> score();

  /** What recycling does to the score. */
  enum ScoreRule {
    RESET,
    KEEP
  }
}
