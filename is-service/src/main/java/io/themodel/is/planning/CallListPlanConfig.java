package io.themodel.is.planning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.themodel.events.lead.LeadSource;
import io.themodel.events.lead.ScoreBand;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** {@code themodel.call-list.*}: when and how the next business day's call list is built. */
@ConfigMapping(prefix = "themodel.call-list")
public interface CallListPlanConfig {

  /** Quartz cron of the evening build, in {@link #zone()}; {@code off} disables it. */
  String buildCron();

  ZoneId zone();

  List<DayOfWeek> workingDays();

  Optional<List<LocalDate>> holidays();

  /** The Inside Sales reps who share the list. */
  List<String> reps();

  @WithDefault("ROUND_ROBIN")
  CallListBuilder.Strategy assignment();

  int maxPerRep();

  /** Score bands to call; all when absent. */
  Optional<List<ScoreBand>> bands();

  /** Lead sources to call; all when absent. */
  Optional<List<LeadSource>> sources();

  /** The least time between a lead's last call and the start of the day it is listed for. */
  Duration minSinceLastCall();
}
