package io.themodel.lead.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.themodel.events.lead.CompanyResolved;
import io.themodel.events.lead.ExclusionReason;
import io.themodel.events.lead.LeadCaptured;
import io.themodel.events.lead.LeadExcluded;
import io.themodel.events.lead.LeadScored;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.LeadTouched;
import io.themodel.events.lead.LeadsMerged;
import io.themodel.events.lead.MarketingQualified;
import io.themodel.events.lead.ScoreBand;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Marketing's current view of each lead, updated in the transaction that appends its events. */
@Entity
@Table(name = "lead_view")
public class LeadView extends PanacheEntityBase {

  @Id public UUID leadId;

  @Enumerated(EnumType.STRING)
  public LeadSource source;

  public String campaign;
  public String personName;
  public String email;

  /** The email as the one-lead-per-person rule compares it (unique). */
  public String emailKey;

  public String title;
  public String companyName;
  public UUID companyId;
  public String companyKey;

  @Enumerated(EnumType.STRING)
  public LeadLifecycle.Stage stage;

  @Enumerated(EnumType.STRING)
  public ScoreBand band;

  public int score;
  public Instant lastScoredAt;
  public boolean excluded;

  @Enumerated(EnumType.STRING)
  public ExclusionReason exclusionReason;

  public String exclusionDetail;
  public int touches;
  public Instant capturedAt;
  public Instant lastTouchedAt;
  public Instant qualifiedAt;
  public Instant followUpDueAt;

  /** The lead this one was merged into (its survivor), or null. */
  public UUID mergedInto;

  /** How emails compare: trimmed and lower case. */
  public static String emailKey(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  public static Optional<LeadView> byEmail(String email) {
    return find("emailKey", emailKey(email)).firstResultOptional();
  }

  static LeadView captured(LeadCaptured event, Instant at) {
    // lastScoredAt starts at capture, so a lead that never moves decays like one that did
    LeadView view = new LeadView();
    view.leadId = event.leadId();
    view.source = event.source();
    view.campaign = event.campaign();
    view.personName = event.person().name();
    view.email = event.person().email();
    view.emailKey = emailKey(event.person().email());
    view.title = event.person().title();
    view.companyName = event.companyName();
    view.stage = LeadLifecycle.Stage.CAPTURED;
    view.band = ScoreBand.LEAD;
    view.capturedAt = at;
    view.lastTouchedAt = at;
    view.touches = 1;
    view.lastScoredAt = at;
    return view;
  }

  void resolved(CompanyResolved event) {
    companyId = event.companyId();
    companyKey = event.normalisedKey();
  }

  void touched(LeadTouched event, Instant at) {
    touches++;
    lastTouchedAt = at;
  }

  void excluded(LeadExcluded event) {
    excluded = true;
    exclusionReason = event.reason();
    exclusionDetail = event.detail();
  }

  void reincluded() {
    excluded = false;
    exclusionReason = null;
    exclusionDetail = null;
  }

  void recycled() {
    stage = LeadLifecycle.Stage.NURTURING;
    qualifiedAt = null;
    followUpDueAt = null;
  }

  void scored(LeadScored event, Instant at) {
    score = event.score();
    lastScoredAt = at;
    if (stage != LeadLifecycle.Stage.MQL || event.band().compareTo(band) > 0) {
      band = event.band();
    }
  }

  void merged(LeadsMerged event) {
    stage = LeadLifecycle.Stage.MERGED;
    mergedInto = event.survivorLeadId();
    followUpDueAt = null;
  }

  /** The survivor of a merge counts the absorbed lead's touches as its own. */
  void absorbed(LeadView absorbed) {
    touches += absorbed.touches;
    if (absorbed.lastTouchedAt != null
        && (lastTouchedAt == null || absorbed.lastTouchedAt.isAfter(lastTouchedAt))) {
      lastTouchedAt = absorbed.lastTouchedAt;
    }
  }

  void qualified(MarketingQualified event, Instant at) {
    stage = LeadLifecycle.Stage.MQL;
    band = event.band();
    qualifiedAt = at;
    followUpDueAt = event.followUpDueAt();
  }
}
