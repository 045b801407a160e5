package io.themodel.is.capacity;

import java.util.Comparator;
import java.util.List;

/**
 * How sure a lead must be before it goes to a field rep, by the rep's open-deal load: a rep with
 * many deals gets only high-certainty leads (more BANT items met), a rep with few gets softer ones
 * earlier (THE MODEL). A load above every band falls in the band with the highest maximum.
 */
public final class CapacityBands {

  /** Up to {@code maxOpenDeals} open deals, a lead needs {@code minBantItems} BANT items met. */
  public record LoadBand(String name, int maxOpenDeals, int minBantItems) {}

  private final List<LoadBand> bands;

  /**
   * @throws IllegalArgumentException naming the configuration key at fault
   */
  public CapacityBands(List<LoadBand> bands) {
    String prefix = "themodel.toss-up.capacity.bands";
    if (bands == null || bands.isEmpty()) {
      throw new IllegalArgumentException(prefix + " needs at least one load band");
    }
    for (LoadBand band : bands) {
      if (band.maxOpenDeals() < 0) {
        throw new IllegalArgumentException(
            prefix + "." + band.name() + ".max-open-deals must be 0 or more");
      }
      if (band.minBantItems() < 0 || band.minBantItems() > 4) {
        throw new IllegalArgumentException(
            prefix + "." + band.name() + ".min-bant-items must be between 0 and 4");
      }
    }
    this.bands = bands.stream().sorted(Comparator.comparingInt(LoadBand::maxOpenDeals)).toList();
    for (int i = 1; i < this.bands.size(); i++) {
      if (this.bands.get(i).maxOpenDeals() == this.bands.get(i - 1).maxOpenDeals()) {
        throw new IllegalArgumentException(
            prefix + "." + this.bands.get(i).name() + ".max-open-deals repeats another band's");
      }
    }
  }

  public LoadBand bandFor(long openDeals) {
    return bands.stream()
        .filter(b -> openDeals <= b.maxOpenDeals())
        .findFirst()
        .orElse(bands.get(bands.size() - 1));
  }
}
