package io.themodel.lead.identity;

import io.themodel.events.lead.CompaniesMerged;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.CommandRunner;
import io.themodel.platform.store.EventMetadata;
import io.themodel.platform.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Merges two companies of the golden master a person found to be one: appends {@code
 * CompaniesMerged} to the absorbed company's stream and moves its spellings, domains and leads to
 * the survivor, in one transaction.
 */
@ApplicationScoped
public class CompanyMerger {

  static final String STREAM_TYPE = "company";

  private final CommandRunner runner;
  private final CompanyDirectory directory;
  private final CompanyIdentity identity = new CompanyIdentity();

  CompanyMerger(CommandRunner runner, CompanyDirectory directory) {
    this.runner = runner;
    this.directory = directory;
  }

  @Transactional
  public void merge(
      UUID survivorId, UUID absorbedId, String by, String note, EventMetadata metadata) {
    if (survivorId.equals(absorbedId)) {
      throw CommandRejected.unprocessable(
          "absorbedCompanyId", "a company cannot be merged into itself");
    }
    directory.lockForMerge(survivorId, absorbedId);
    CompanyDirectory.Company survivor =
        directory
            .company(survivorId)
            .orElseThrow(() -> CommandRejected.notFound("companyId", "no company " + survivorId));
    CompanyDirectory.Company absorbed =
        directory
            .company(absorbedId)
            .orElseThrow(
                () -> CommandRejected.notFound("absorbedCompanyId", "no company " + absorbedId));
    if (absorbed.mergedInto() != null) {
      throw CommandRejected.conflict(
          "absorbedCompanyId",
          "company " + absorbedId + " was already merged into company " + absorbed.mergedInto());
    }
    if (survivor.mergedInto() != null) {
      throw CommandRejected.conflict(
          "companyId",
          "company "
              + survivorId
              + " was merged into company "
              + survivor.mergedInto()
              + "; merge into that company instead");
    }
    var decision =
        runner.run(
            STREAM_TYPE,
            "company-" + absorbedId,
            identity,
            new CompanyIdentity.MergeInto(absorbedId, survivorId, by, note),
            metadata);
    for (StoredEvent stored : decision.events()) {
      directory.absorb((CompaniesMerged) stored.event());
    }
  }
}
