package io.themodel.lead.scoring;

import io.quarkus.scheduler.Scheduled;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.lead.lifecycle.Leads;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.store.ConcurrencyConflict;
import io.themodel.platform.store.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Scores fade: every lead whose score has not moved for {@code themodel.scoring.decay.after} loses
 * {@code themodel.scoring.decay.points}, on the configured cron. The next decay of the same lead
 * waits another full period, because the decay itself moves the score.
 */
@ApplicationScoped
public class ScoreDecay {

  private static final Logger LOG = Logger.getLogger(ScoreDecay.class);

  private final Leads leads;
  private final ScoringConfig config;
  private final Clock clock;

  ScoreDecay(Leads leads, ScoringConfig config, Clock clock) {
    this.leads = leads;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${themodel.scoring.decay.cron}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    decay();
  }

  /** Decays every idle lead now; returns how many leads lost points. */
  public int decay() {
    Instant idleSince = clock.instant().minus(config.decay().after());
    List<UUID> idle =
        LeadView.<LeadView>list(
                "score > 0 and lastScoredAt <= ?1 and mergedInto is null", idleSince)
            .stream()
            .map(view -> view.leadId)
            .toList();
    int decayed = 0;
    for (UUID leadId : idle) {
      try {
        leads.execute(
            leadId,
            new LeadLifecycle.Decay(config.decay().points()),
            EventMetadata.command(null, "score-decay"));
        decayed++;
      } catch (ConcurrencyConflict | CommandRejected skipped) {
        // the lead moved meanwhile; it is no longer idle, the next run looks again
        LOG.debugf("decay of lead %s skipped: %s", leadId, skipped.getMessage());
      }
    }
    return decayed;
  }
}
