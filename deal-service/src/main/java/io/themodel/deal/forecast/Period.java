package io.themodel.deal.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;

/**
 * A forecast period: a quarter ({@code 2026-Q2}) or a month ({@code 2026-04}), as the half-open
 * range of days [{@code start}, {@code end}).
 */
public record Period(String name, LocalDate start, LocalDate end) {

  /** What a period looks like in the API. */
  public static final String PATTERN = "\\d{4}-(Q[1-4]|0[1-9]|1[0-2])";

  private static final java.util.regex.Pattern FORMAT =
      java.util.regex.Pattern.compile("(\\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))");

  public static Period parse(String name) {
    Matcher m = name == null ? null : FORMAT.matcher(name);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("a period is a quarter (2026-Q2) or a month (2026-04)");
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      LocalDate start = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
      return new Period(name, start, start.plusMonths(3));
    }
    LocalDate start = YearMonth.of(year, Integer.parseInt(m.group(3))).atDay(1);
    return new Period(name, start, start.plusMonths(1));
  }

  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(start) && day.isBefore(end);
  }
}
