package io.themodel.is.tossup;

import io.themodel.events.lead.ScoreBand;
import io.themodel.is.calllist.CallListEntry;
import io.themodel.is.calllist.MarketingBand;
import io.themodel.is.capacity.FieldRepCapacity;
import io.themodel.platform.command.CommandRunner;
import io.themodel.platform.command.Decision;
import io.themodel.platform.store.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The rule book's commands, and the check of a lead against the active version (none until a
 * version is activated: the toss-up then records the configured rule version, as before).
 */
@ApplicationScoped
public class TossUpRules {

  static final String STREAM = "toss-up-rule-book";

  private final CommandRunner runner;
  private final Clock clock;
  private final FieldRepCapacity capacity;
  private final RuleBook book = new RuleBook();

  TossUpRules(CommandRunner runner, Clock clock, FieldRepCapacity capacity) {
    this.runner = runner;
    this.clock = clock;
    this.capacity = capacity;
  }

  @Transactional
  public Decision<RuleBook.State> execute(RuleBook.Command command, EventMetadata metadata) {
    return runner.run(STREAM, STREAM, book, command, metadata);
  }

  public RuleBook.State current() {
    return runner.current(STREAM, book);
  }

  /**
   * The active version's verdict on the lead, with the capacity of {@code fieldRep} when given;
   * empty without an active version or entry.
   */
  @Transactional
  public Optional<Evaluation> evaluate(UUID leadId, String fieldRep) {
    Optional<RuleVersion> active = current().activeVersion();
    CallListEntry entry = CallListEntry.findById(leadId);
    if (active.isEmpty() || entry == null) {
      return Optional.empty();
    }
    ScoreBand band =
        MarketingBand.<MarketingBand>findByIdOptional(leadId).map(b -> b.band).orElse(null);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Evaluation evaluation = RuleEvaluator.evaluate(active.get(), entry.facts(band), today);
    if (fieldRep == null || fieldRep.isBlank()) {
      return Optional.of(evaluation);
    }
    return Optional.of(evaluation.withCapacity(capacity.check(fieldRep, entry.bant().itemsMet())));
  }
}
