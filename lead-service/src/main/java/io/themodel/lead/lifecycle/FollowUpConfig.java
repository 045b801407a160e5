package io.themodel.lead.lifecycle;

import io.smallrye.config.ConfigMapping;
import io.themodel.events.lead.LeadSource;
import java.time.Duration;
import java.util.Map;

/** {@code themodel.follow-up.<source>.delay} and {@code .priority}, per lead source. */
@ConfigMapping(prefix = "themodel.follow-up")
public interface FollowUpConfig {

  Map<LeadSource, Rule> sources();

  /** One source's rule. */
  interface Rule {
    Duration delay();

    int priority();
  }
}
