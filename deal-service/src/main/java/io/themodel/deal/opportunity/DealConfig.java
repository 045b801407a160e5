package io.themodel.deal.opportunity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.themodel.events.deal.DealStage;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** {@code themodel.deal.*}: what the business tunes about Field Sales' deals. */
@ConfigMapping(prefix = "themodel.deal")
public interface DealConfig {

  /** How long the assigned rep has to accept or reject a toss-up before it is overdue. */
  Duration acceptanceSla();

  /** Reasons a rep may give for rejecting a toss-up. */
  @NotEmpty
  List<String> rejectionReasons();

  /** Reasons a rep may give for losing a deal. */
  @NotEmpty
  List<String> lossReasons();

  /** Win probability in percent per stage: first-proposal, main-proposal, closing, won. */
  Map<DealStage, Integer> stageProbability();

  /** Who owns an expansion deal from Customer Success until someone takes it over. */
  @WithDefault("fs-account-team")
  String expansionRep();

  /** Field Sales teams by name ({@code themodel.deal.teams.<team>.reps}), for team forecasts. */
  Map<String, Team> teams();

  /** {@code themodel.deal.teams.<team>.*}. */
  interface Team {
    /** The reps of the team, as they appear as assigned reps. */
    List<String> reps();
  }

  /** The forecast's currency when a period has no target, and its time zone for periods. */
  Forecast forecast();

  /** {@code themodel.deal.forecast.*}. */
  interface Forecast {
    @WithDefault("JPY")
    @Pattern(regexp = "[A-Z]{3}")
    String currency();

    @WithDefault("Asia/Tokyo")
    ZoneId zone();
  }
}
