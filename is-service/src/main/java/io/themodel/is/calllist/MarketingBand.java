package io.themodel.is.calllist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.themodel.events.lead.ScoreBand;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The score band Marketing qualified the lead with (from its last MarketingQualified), for the
 * toss-up rules. Marketing's fact, kept beside the call list rather than in IS events.
 */
@Entity
@Table(name = "mql_band")
public class MarketingBand extends PanacheEntityBase {

  @Id public UUID leadId;

  @Enumerated(EnumType.STRING)
  public ScoreBand band;

  public Instant qualifiedAt;

  static void record(UUID leadId, ScoreBand band, Instant at) {
    MarketingBand known = findById(leadId);
    if (known == null) {
      known = new MarketingBand();
      known.leadId = leadId;
      known.band = band;
      known.qualifiedAt = at;
      known.persist();
    } else if (!at.isBefore(known.qualifiedAt)) {
      known.band = band;
      known.qualifiedAt = at;
    }
  }
}
