package io.themodel.kpi.kgi;

import io.themodel.platform.problem.InvalidParameter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target period as Field Sales names it: a year ({@code 2026}), a quarter ({@code 2026-Q2}) or a
 * month ({@code 2026-04}), as the instants {@code [start, end)} in UTC.
 */
public record Period(String name, YearMonth firstMonth, int months) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  public static Period parse(String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameter(parameter, "is required (2026, 2026-Q2 or 2026-04)");
    }
    Matcher m;
    if ((m = YEAR.matcher(value)).matches()) {
      return new Period(value, YearMonth.of(Integer.parseInt(m.group(1)), 1), 12);
    }
    if ((m = QUARTER.matcher(value)).matches()) {
      int quarter = Integer.parseInt(m.group(2));
      return new Period(
          value, YearMonth.of(Integer.parseInt(m.group(1)), (quarter - 1) * 3 + 1), 3);
    }
    if ((m = MONTH.matcher(value)).matches()) {
      return new Period(
          value, YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), 1);
    }
    throw new InvalidParameter(
        parameter, "must be a year, quarter or month: 2026, 2026-Q2, 2026-04");
  }

  public Instant start() {
    return firstMonth.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  public Instant end() {
    return firstMonth.plusMonths(months).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The months of a quarter or year (a month is its own only month). */
  public List<Period> monthsWithin() {
    List<Period> within = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      YearMonth month = firstMonth.plusMonths(i);
      within.add(new Period(month.toString(), month, 1));
    }
    return within;
  }
}
