package io.themodel.lead.merging;

import io.themodel.lead.lifecycle.LeadLifecycle;
import io.themodel.lead.lifecycle.LeadView;
import io.themodel.lead.lifecycle.Leads;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.store.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Merges two leads a person found to be one: the absorbed lead's stream gets {@code LeadsMerged}
 * (it leaves the funnel), the survivor's folds in the absorbed score (the higher of the two) and
 * touches, in one transaction; a concurrent change to either lead makes it a 409.
 */
@ApplicationScoped
public class LeadMerger {

  private final Leads leads;

  LeadMerger(Leads leads) {
    this.leads = leads;
  }

  @Transactional
  public void merge(
      UUID survivorId, UUID absorbedId, String by, String note, EventMetadata metadata) {
    if (survivorId.equals(absorbedId)) {
      throw CommandRejected.unprocessable("absorbedLeadId", "a lead cannot be merged into itself");
    }
    LeadView survivor = LeadView.findById(survivorId);
    if (survivor == null) {
      throw CommandRejected.notFound("leadId", "no lead " + survivorId);
    }
    LeadView absorbed = LeadView.findById(absorbedId);
    if (absorbed == null) {
      throw CommandRejected.notFound("absorbedLeadId", "no lead " + absorbedId);
    }
    if (absorbed.mergedInto != null) {
      throw CommandRejected.conflict(
          "absorbedLeadId",
          "lead " + absorbedId + " was already merged into lead " + absorbed.mergedInto);
    }
    if (survivor.mergedInto != null) {
      throw CommandRejected.conflict(
          "leadId",
          "lead "
              + survivorId
              + " was merged into lead "
              + survivor.mergedInto
              + "; merge into that lead instead");
    }
    int absorbedScore = leads.current(absorbedId).score();
    leads.execute(
        absorbedId,
        new LeadLifecycle.MergeInto(survivorId, survivor.companyId, by, note),
        metadata);
    leads.execute(survivorId, new LeadLifecycle.Absorb(absorbedId, absorbedScore), metadata);
  }
}
