package io.themodel.lead.identity;

import io.themodel.events.lead.CompaniesMerged;
import io.themodel.events.lead.LeadEvent;
import io.themodel.platform.command.CommandRejected;
import io.themodel.platform.command.Decider;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A company of the golden master as an event stream ({@code company-<id>}): the one thing a person
 * decides about it is merging it into another company, once.
 */
final class CompanyIdentity
    implements Decider<CompanyIdentity.MergeInto, CompanyIdentity.State, LeadEvent> {

  /** Merge this company (absorbed) into {@code survivorId}. */
  record MergeInto(UUID absorbedId, UUID survivorId, String by, String note) {}

  /** The survivor this company was merged into, or null. */
  record State(UUID mergedInto) {}

  @Override
  public State initialState() {
    return new State(null);
  }

  @Override
  public List<LeadEvent> decide(MergeInto command, State state, Clock clock) {
    if (state.mergedInto() != null) {
      throw CommandRejected.conflict(
          "absorbedCompanyId",
          "company " + command.absorbedId() + " was already merged into " + state.mergedInto());
    }
    return List.of(
        new CompaniesMerged(
            command.survivorId(), command.absorbedId(), command.by(), command.note()));
  }

  @Override
  public State evolve(State state, LeadEvent event) {
    if (event instanceof CompaniesMerged merged) {
      return new State(merged.companyId());
    }
    throw new IllegalArgumentException("not a company event: " + event);
  }
}
