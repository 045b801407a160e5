package io.themodel.lead.lifecycle;

import io.quarkus.runtime.Startup;
import io.themodel.events.DomainEvent;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.lead.LeadReincluded;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.LeadsMerged;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.lead.identity.CompanyDirectory;
import io.themodel.lead.scoring.ScoringConfig;
import io.themodel.lead.scoring.ScoringRules;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.CommandRunner;
import io.themodel.platform.command.Decision;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Runs Marketing's commands on a lead: decides, appends and updates {@link LeadView} in one
 * transaction.
 */
@Startup
@ApplicationScoped
public class Leads {

  static final String STREAM_TYPE = "lead";

  private final CommandRunner runner;
  private final LeadLifecycle lifecycle;
  private final CompanyDirectory directory;

  Leads(
      CommandRunner runner,
      FollowUpConfig config,
      ScoringConfig scoring,
      CompanyDirectory directory) {
    this.runner = runner;
    this.directory = directory;
    this.lifecycle =
        new LeadLifecycle(
            new FollowUpSchedule(
                config.sources().entrySet().stream()
                    .collect(
                        Collectors.toMap(
                            Map.Entry::getKey,
                            e ->
                                new FollowUpSchedule.FollowUp(
                                    e.getValue().delay(), e.getValue().priority())))),
            scoringRules(scoring));
  }

  private static ScoringRules scoringRules(ScoringConfig config) {
    Map<String, Integer> fit = pairs("themodel.scoring.fit-titles", "word", config.fitTitles());
    Map<Integer, Integer> sizes = new LinkedHashMap<>();
    pairs("themodel.scoring.fit-company-sizes", "employees", config.fitCompanySizes())
        .forEach(
            (employees, points) -> {
              if (!employees.matches("\\d{1,9}") || Integer.parseInt(employees) < 1) {
                throw new IllegalStateException(
                    "themodel.scoring.fit-company-sizes: '"
                        + employees
                        + "' is not a head count of 1 or more");
              }
              sizes.put(Integer.parseInt(employees), points);
            });
    Map<String, Integer> industries =
        pairs("themodel.scoring.fit-industries", "industry", config.fitIndustries());
    if (config.decay().points() < 0) {
      throw new IllegalStateException("themodel.scoring.decay.points must be 0 or more");
    }
    if (config.decay().after().isNegative() || config.decay().after().isZero()) {
      throw new IllegalStateException("themodel.scoring.decay.after must be a positive duration");
    }
    try {
      return new ScoringRules(
          config.weights(),
          fit,
          sizes,
          industries,
          config.bands().mqlLow(),
          config.bands().mqlHigh(),
          config.bands().sql(),
          config.handoffBand());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("themodel.scoring: " + e.getMessage(), e);
    }
  }

  /** {@code name:points} pairs of a configuration key; a bad pair stops start-up naming the key. */
  static Map<String, Integer> pairs(String key, String what, Optional<List<String>> values) {
    Map<String, Integer> pairs = new LinkedHashMap<>();
    for (String pair : values.orElse(List.of())) {
      int colon = pair.lastIndexOf(':');
      String name = colon < 0 ? "" : pair.substring(0, colon).trim();
      String points = colon < 0 ? "" : pair.substring(colon + 1).trim();
      if (name.isEmpty() || !points.matches("-?\\d{1,4}")) {
        throw new IllegalStateException(
            key + ": '" + pair + "' is not a '" + what + ":points' pair");
      }
      pairs.put(name, Integer.parseInt(points));
    }
    return pairs;
  }

  @Transactional
  public Decision<LeadLifecycle.State> execute(
      UUID leadId, LeadLifecycle.Command command, EventMetadata metadata) {
    Decision<LeadLifecycle.State> decision =
        runner.run(STREAM_TYPE, leadId.toString(), lifecycle, command, metadata);
    try {
      // A new lead's view is built from all of its first events, then inserted once (persisting
      // it first made each capture an insert and then an update of the same row).
      Map<UUID, LeadView> captured = new HashMap<>();
      decision.events().forEach(stored -> project(stored, captured));
      captured.values().forEach(view -> view.persist());
      LeadView.getEntityManager().flush();
    } catch (PersistenceException e) {
      if (e instanceof ConstraintViolationException
          || e.getCause() instanceof ConstraintViolationException) {
        // two captures of one new email at once: the loser retries and becomes a touch
        throw CommandRejected.conflict("a lead with this email was captured at the same time");
      }
      throw e;
    }
    return decision;
  }

  /** The lead's state folded from its stream, for commands that must look before they decide. */
  public LeadLifecycle.State current(UUID leadId) {
    return runner.current(leadId.toString(), lifecycle);
  }

  /**
   * The lead that stands for this one now: itself, or the survivor it was merged into (following
   * merges of survivors); the id itself when Marketing does not know the lead.
   */
  public UUID survivorOf(UUID leadId) {
    UUID current = leadId;
    for (int hops = 0; hops < MAX_MERGE_HOPS; hops++) {
      LeadView view = LeadView.findById(current);
      if (view == null || view.mergedInto == null) {
        return current;
      }
      current = view.mergedInto;
    }
    throw new IllegalStateException("lead " + leadId + " is merged in a cycle");
  }

  private static final int MAX_MERGE_HOPS = 100;

  private void project(StoredEvent stored, Map<UUID, LeadView> captured) {
    DomainEvent event = stored.event();
    if (event instanceof LeadCaptured capture) {
      captured.put(capture.leadId(), LeadView.captured(capture, stored.occurredAt()));
      return;
    }
    LeadView view =
        captured.containsKey(event.leadId())
            ? captured.get(event.leadId())
            : LeadView.<LeadView>findByIdOptional(event.leadId()).orElseThrow();
    if (event instanceof CompanyResolved resolved) {
      view.resolved(resolved);
      directory.learn(resolved, view.companyName, view.email);
    } else if (event instanceof LeadTouched touched) {
      view.touched(touched, stored.occurredAt());
    } else if (event instanceof MarketingQualified qualified) {
      view.qualified(qualified, stored.occurredAt());
    } else if (event instanceof LeadExcluded excluded) {
      view.excluded(excluded);
    } else if (event instanceof LeadReincluded) {
      view.reincluded();
    } else if (event instanceof LeadRecycled) {
      view.recycled();
    } else if (event instanceof LeadScored scored) {
      view.scored(scored, stored.occurredAt());
    } else if (event instanceof LeadsMerged merged) {
      view.merged(merged);
      LeadView.<LeadView>findByIdOptional(merged.survivorLeadId()).orElseThrow().absorbed(view);
    } else {
      throw new IllegalStateException("not a lead event: " + stored.type());
    }
  }
}
