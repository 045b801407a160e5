package io.themodel.is.capacity;

import io.quarkus.runtime.Startup;
import io.themodel.is.handoff.HandoffOutcome;
import io.themodel.is.tossup.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The capacity part of a toss-up check: the field rep's open deals (from field sales' events) pick
 * the load band, and the band says how many BANT items the lead needs. Built at start-up, so a bad
 * band stops the service naming its key.
 */
@Startup
@ApplicationScoped
public class FieldRepCapacity {

  private final CapacityBands bands;

  FieldRepCapacity(CapacityConfig config) {
    this.bands =
        new CapacityBands(
            config.bands().entrySet().stream()
                .map(
                    e ->
                        new CapacityBands.LoadBand(
                            e.getKey(), e.getValue().maxOpenDeals(), e.getValue().minBantItems()))
                .toList());
  }

  /** Whether a lead with this many BANT items met may go to the rep now. */
  public Evaluation.Capacity check(String fieldRep, int bantItemsMet) {
    long openDeals = HandoffOutcome.openDealsOf(fieldRep);
    CapacityBands.LoadBand band = bands.bandFor(openDeals);
    return new Evaluation.Capacity(
        fieldRep,
        openDeals,
        band.name(),
        band.maxOpenDeals(),
        band.minBantItems(),
        bantItemsMet,
        bantItemsMet >= band.minBantItems());
  }
}
