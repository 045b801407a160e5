package io.themodel.is.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Inside Sales' working days: configured weekdays, minus configured holidays. */
public final class BusinessCalendar {

  private final Set<DayOfWeek> workingDays;
  private final Set<LocalDate> holidays;

  public BusinessCalendar(Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {
    if (workingDays.isEmpty()) {
      throw new IllegalArgumentException("themodel.call-list.working-days needs at least one day");
    }
    this.workingDays = Set.copyOf(workingDays);
    this.holidays = Set.copyOf(holidays);
  }

  public boolean isBusinessDay(LocalDate day) {
    return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  /** The first business day after {@code day}. */
  public LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
