package io.lakota.query;

import io.lakota.format.Datetimes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Arithmetic on numpy datetime units ({@code Y M W D h m s ms us ns}) without per-value allocation: exact conversion
 * to a finer unit, flooring to a coarser one (months and years through the proleptic Gregorian calendar), and the
 * unit numpy infers from a datetime string.
 */
final class DatetimeUnits {
  /** Units from the coarsest to the finest. */
  private static final String[] UNITS = {"Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"};
  /** Nanoseconds per unit for the fixed-length units (same order; 0 for the calendar units Y and M). */
  private static final long[] NANOS = {
    0, 0, 7 * 86_400_000_000_000L, 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L,
    1_000_000L, 1_000L, 1L
  };
  private static final long DAY_NANOS = 86_400_000_000_000L;
  private static final Pattern SHAPE = Pattern.compile(
      "\\d{4}(-\\d{2}(-\\d{2}([T ]\\d{2}(:\\d{2}(:\\d{2}(\\.(\\d{1,9}))?)?)?)?)?)?(Z|[+-]\\d{2}:?\\d{2})?");

  private DatetimeUnits() {}

  /** The rank of a unit, 0 for years up to 9 for nanoseconds. */
  static int rank(String unit) {
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i].equals(unit)) {
        return i;
      }
    }
    throw new ExpressionException("Unsupported datetime unit \"" + unit + "\"");
  }

  /** The finer of two units. */
  static String finer(String a, String b) {
    return rank(a) >= rank(b) ? a : b;
  }

  /** {@code value} (a count of {@code from}) as a count of {@code to}: exact when finer, floored when coarser. */
  static long convert(long value, String from, String to) {
    if (value == Datetimes.NAT || from.equals(to)) {
      return value;
    }
    int f = rank(from);
    int t = rank(to);
    if (t <= 1) {
      // to years or months
      long months;
      if (f == 0) {
        months = value * 12;
      } else if (f == 1) {
        months = value;
      } else {
        long days = f == 2 ? value * 7 : Math.floorDiv(value, DAY_NANOS / NANOS[f]);
        months = monthsOfDays(days);
      }
      return t == 0 ? Math.floorDiv(months, 12) : months;
    }
    if (f <= 1) {
      long months = f == 0 ? value * 12 : value;
      long days = daysOfMonths(months);
      return t == 2 ? Math.floorDiv(days, 7) : days * (DAY_NANOS / NANOS[t]);
    }
    if (NANOS[f] >= NANOS[t]) {
      return value * (NANOS[f] / NANOS[t]);
    }
    return Math.floorDiv(value, NANOS[t] / NANOS[f]);
  }

  /** The months since 1970-01 of the month holding day {@code days} since 1970-01-01. */
  static long monthsOfDays(long days) {
    // Howard Hinnant's civil_from_days, for the proleptic Gregorian calendar
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) {
      y++;
    }
    return (y - 1970) * 12 + (m - 1);
  }

  /** The days since 1970-01-01 of the first day of month {@code months} since 1970-01. */
  static long daysOfMonths(long months) {
    long y = 1970 + Math.floorDiv(months, 12);
    long m = Math.floorMod(months, 12) + 1;
    // Howard Hinnant's days_from_civil
    if (m <= 2) {
      y--;
    }
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  /**
   * The unit numpy gives a datetime string: {@code Y} for {@code 2020}, {@code M}, {@code D} for a date, {@code h},
   * {@code m}, {@code s}, then {@code ms}, {@code us} or {@code ns} by the number of fraction digits.
   *
   * @throws ExpressionException {@code Error parsing datetime string "<s>"}
   */
  static String unitOf(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.equals("NaT")) {
      return "s";
    }
    Matcher m = SHAPE.matcher(s);
    if (!m.matches()) {
      throw new ExpressionException("Error parsing datetime string \"" + text + "\"");
    }
    if (m.group(1) == null) {
      return "Y";
    }
    if (m.group(2) == null) {
      return "M";
    }
    if (m.group(3) == null) {
      return "D";
    }
    if (m.group(4) == null) {
      return "h";
    }
    if (m.group(5) == null) {
      return "m";
    }
    if (m.group(7) == null) {
      return "s";
    }
    int digits = m.group(7).length();
    return digits <= 3 ? "ms" : digits <= 6 ? "us" : "ns";
  }

  /** A datetime string as a count of {@code unit}. */
  static long parse(String text, String unit) {
    try {
      return Datetimes.parse(text, unit);
    } catch (io.lakota.errors.ValidationException e) {
      throw new ExpressionException("Error parsing datetime string \"" + text + "\"");
    }
  }
}
