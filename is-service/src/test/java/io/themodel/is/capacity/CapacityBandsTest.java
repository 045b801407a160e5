package io.themodel.is.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.themodel.is.capacity.CapacityBands.LoadBand;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityBandsTest {

  private static final LoadBand LIGHT = new LoadBand("light", 5, 1);
  private static final LoadBand NORMAL = new LoadBand("normal", 15, 2);
  private static final LoadBand HEAVY = new LoadBand("heavy", 30, 4);
  private final CapacityBands bands = new CapacityBands(List.of(HEAVY, LIGHT, NORMAL));

  @Test
  void a_rep_with_few_open_deals_gets_softer_leads() {
    assertThat(bands.bandFor(0)).isEqualTo(LIGHT);
    assertThat(bands.bandFor(5)).isEqualTo(LIGHT);
  }

  @Test
  void each_band_reaches_up_to_its_maximum_inclusive() {
    assertThat(bands.bandFor(6)).isEqualTo(NORMAL);
    assertThat(bands.bandFor(15)).isEqualTo(NORMAL);
    assertThat(bands.bandFor(16)).isEqualTo(HEAVY);
  }

  @Test
  void a_load_above_every_band_falls_in_the_highest() {
    assertThat(bands.bandFor(500)).isEqualTo(HEAVY);
  }

  @Test
  void a_bad_band_names_its_configuration_key() {
    assertThatThrownBy(() -> new CapacityBands(List.of(new LoadBand("odd", 3, 5))))
        .hasMessage("themodel.toss-up.capacity.bands.odd.min-bant-items must be between 0 and 4");
    assertThatThrownBy(() -> new CapacityBands(List.of(new LoadBand("neg", -1, 1))))
        .hasMessageContaining("themodel.toss-up.capacity.bands.neg.max-open-deals");
    assertThatThrownBy(() -> new CapacityBands(List.of(LIGHT, new LoadBand("twin", 5, 2))))
        .hasMessageContaining("max-open-deals repeats");
    assertThatThrownBy(() -> new CapacityBands(List.of()))
        .hasMessageContaining("themodel.toss-up.capacity.bands");
  }
}
