package io.themodel.lead.capture;

import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.ScoreBand;
import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.LeadView;
import java.time.Instant;
import java.util.UUID;

/** A lead as the REST API shows it. */
public record LeadResponse(
    UUID leadId,
    LeadSource source,
    String campaign,
    String companyName,
    UUID companyId,
    String companyKey,
    LeadLifecycle.Stage stage,
    ScoreBand band,
    int score,
    boolean excluded,
    ExclusionReason exclusionReason,
    String exclusionDetail,
    int touches,
    Instant capturedAt,
    Instant lastTouchedAt,
    Instant qualifiedAt,
    Instant followUpDueAt,
    UUID mergedInto) {

  public static LeadResponse of(LeadView view) {
    return new LeadResponse(
        view.leadId,
        view.source,
        view.campaign,
        view.companyName,
        view.companyId,
        view.companyKey,
        view.stage,
        view.band,
        view.score,
        view.excluded,
        view.exclusionReason,
        view.exclusionDetail,
        view.touches,
        view.capturedAt,
        view.lastTouchedAt,
        view.qualifiedAt,
        view.followUpDueAt,
        view.mergedInto);
  }
}
