package io.themodel.kpi.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.themodel.events.DomainEvent;
import io.themodel.events.EventCodec;
import io.themodel.events.EventType;
import io.themodel.events.Money;
import io.themodel.events.deal.DealLost;
import io.themodel.events.deal.DealStageChanged;
import io.themodel.events.deal.DealWon;
import io.themodel.events.deal.OpportunityOpened;
import io.themodel.events.deal.TargetSet;
import io.themodel.events.deal.TossUpRejected;
import io.themodel.events.is.CallLogged;
import io.themodel.events.is.Disqualified;
import io.themodel.events.is.TossedUp;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadRecycled;
import io.themodel.events.success.Churned;
import io.themodel.events.success.ContractExpanded;
import io.themodel.events.success.CustomerOnboarded;
import io.themodel.events.success.ExpansionIdentified;
import io.themodel.events.success.Renewed;
import io.themodel.kpi.funnel.FunnelStage;
import java.time.Instant;
import java.util.UUID;

/**
 * What the read model keeps of one event: the funnel stage it marks, the attributes the figures
 * group by (rule version, rep, amount, recycle kind, reason, competitor) and its data without
 * personal data.
 */
public record Fact(
    UUID eventId,
    UUID leadId,
    UUID accountId,
    EventType type,
    FunnelStage stage,
    Instant occurredAt,
    String ruleVersion,
    String rep,
    Money amount,
    String recycleKind,
    String reason,
    String competitor,
    JsonNode data) {

  /** The fields of personal data that never enter the read model. */
  private static final String PERSON = "person";

  public static Fact of(UUID eventId, Instant occurredAt, DomainEvent event, EventCodec codec) {
    EventType type = EventType.of(event);
    ObjectNode data = (ObjectNode) codec.toData(event);
    data.remove(PERSON);
    String ruleVersion = null;
    String rep = null;
    Money amount = null;
    String recycleKind = null;
    String reason = null;
    String competitor = null;
    if (event instanceof TossedUp tossedUp) {
      ruleVersion = tossedUp.ruleVersion();
      rep = tossedUp.assignedRep();
    } else if (event instanceof DealWon won) {
      amount = won.amount();
    } else if (event instanceof Renewed renewed) {
      amount = renewed.value();
    } else if (event instanceof ExpansionIdentified expansion) {
      amount = expansion.estimatedValue();
    } else if (event instanceof ContractExpanded expanded) {
      amount = expanded.value();
    } else if (event instanceof LeadRecycled recycled) {
      recycleKind = recycled.kind().name();
      reason = recycled.reason();
    } else if (event instanceof Disqualified disqualified) {
      reason = disqualified.reason();
      rep = disqualified.rep();
    } else if (event instanceof TossUpRejected rejected) {
      reason = rejected.reason();
      rep = rejected.rejectedBy();
    } else if (event instanceof DealLost lost) {
      reason = lost.reason();
      competitor = lost.competitor();
    } else if (event instanceof Churned churned) {
      reason = churned.reason();
    } else if (event instanceof LeadExcluded excluded) {
      reason = excluded.reason().name();
    } else if (event instanceof CallLogged call) {
      rep = call.rep();
    } else if (event instanceof OpportunityOpened opened) {
      rep = opened.assignedRep();
    } else if (event instanceof DealStageChanged changed) {
      amount = changed.amount();
      rep = changed.changedBy();
    } else if (event instanceof TargetSet target) {
      amount = target.amount();
      rep = target.rep();
    } else if (event instanceof CustomerOnboarded onboarded) {
      amount = onboarded.contractValue();
    }
    return new Fact(
        eventId,
        event.leadId(),
        event.accountId(),
        type,
        FunnelStage.reachedBy(event).orElse(null),
        occurredAt,
        ruleVersion,
        rep,
        amount,
        recycleKind,
        reason,
        competitor,
        data);
  }
}
