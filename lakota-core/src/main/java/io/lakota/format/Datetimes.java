package io.lakota.format;

import io.lakota.errors.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversions between datetime column values (int64 counts of a numpy unit since 1970-01-01T00:00:00, naive, UTC
 * by convention) and text or {@code java.time} values (SEMANTICS.md §3.4, FORMAT.md §6.6).
 */
public final class Datetimes {
  /** numpy's NaT. */
  public static final long NAT = Long.MIN_VALUE;

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[T ](\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
          + "(Z|[+-]\\d{2}:?\\d{2})?)?)?)?");

  private Datetimes() {}

  /**
   * Parses {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}, optionally {@code T} or a space and {@code HH},
   * {@code HH:MM}, {@code HH:MM:SS[.fraction]}, optionally {@code Z} or {@code ±HH:MM}; the value is converted to
   * UTC and truncated to {@code unit}. {@code ""} and {@code NaT} give NaT.
   *
   * @throws ValidationException {@code Error parsing datetime string "<s>"}
   */
  public static long parse(String text, String unit) {
    String s = text.strip();
    if (s.isEmpty() || s.equals("NaT")) {
      return NAT;
    }
    Matcher m = ISO.matcher(s);
    if (!m.matches()) {
      throw new ValidationException("Error parsing datetime string \"" + text + "\"");
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int nanos = 0;
      if (m.group(7) != null) {
        String f = (m.group(7) + "000000000").substring(0, 9);
        nanos = Integer.parseInt(f);
      }
      LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      if (m.group(8) != null && !m.group(8).equals("Z")) {
        String off = m.group(8);
        if (off.length() == 5) {
          off = off.substring(0, 3) + ":" + off.substring(3);
        }
        ldt = ldt.atOffset(ZoneOffset.of(off)).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      }
      return fromLocalDateTime(ldt, unit);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      throw new ValidationException("Error parsing datetime string \"" + text + "\"", e);
    }
  }

  /** The count of {@code unit} since the epoch for a naive date-time (floored). */
  public static long fromLocalDateTime(LocalDateTime t, String unit) {
    LocalDateTime epoch = LocalDateTime.of(1970, 1, 1, 0, 0);
    switch (unit) {
      case "Y":
        return t.getYear() - 1970L;
      case "M":
        return (t.getYear() - 1970L) * 12 + t.getMonthValue() - 1;
      case "W":
        return Math.floorDiv(ChronoUnit.DAYS.between(epoch.toLocalDate(), t.toLocalDate()), 7);
      case "D":
        return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 86_400L);
      case "h":
        return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 3_600L);
      case "m":
        return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 60L);
      case "s":
        return t.toEpochSecond(ZoneOffset.UTC);
      case "ms":
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000L + t.getNano() / 1_000_000;
      case "us":
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
      case "ns":
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + t.getNano();
      default:
        throw new ValidationException("Unsupported datetime unit \"" + unit + "\"");
    }
  }

  /** The count of {@code unit} since the epoch for an instant. */
  public static long fromInstant(Instant t, String unit) {
    return fromLocalDateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC), unit);
  }

  /** The count of {@code unit} since the epoch for a date (at midnight). */
  public static long fromLocalDate(LocalDate d, String unit) {
    return fromLocalDateTime(d.atStartOfDay(), unit);
  }

  /**
   * The values {@code start, start + step, …} strictly below {@code stop} (counts of one unit), as the
   * reference's {@code drange}; empty when {@code start >= stop}.
   *
   * @throws ValidationException when {@code step <= 0} or the range holds more than 2^31 - 9 values
   */
  public static long[] range(long start, long stop, long step) {
    ValidationException.check(step > 0, "Cannot build a date range: step must be > 0, got %d", step);
    if (start >= stop) {
      return new long[0];
    }
    long n = (stop - start + step - 1) / step;
    ValidationException.check(n <= Integer.MAX_VALUE - 8, "Cannot build a date range of %d values", n);
    long[] out = new long[(int) n];
    for (int i = 0; i < out.length; i++) {
      out[i] = start + i * step;
    }
    return out;
  }

  /** The instant of a count of {@code unit} since the epoch, naive values being UTC by convention. */
  public static Instant toInstant(long value, String unit) {
    return toLocalDateTime(value, unit).toInstant(ZoneOffset.UTC);
  }

  /** The naive date-time of a count of {@code unit} since the epoch. */
  public static LocalDateTime toLocalDateTime(long value, String unit) {
    LocalDateTime epoch = LocalDateTime.of(1970, 1, 1, 0, 0);
    switch (unit) {
      case "Y":
        return epoch.plusYears(value);
      case "M":
        return epoch.plusMonths(value);
      case "W":
        return epoch.plusWeeks(value);
      case "D":
        return epoch.plusDays(value);
      case "h":
        return epoch.plusHours(value);
      case "m":
        return epoch.plusMinutes(value);
      case "s":
        return LocalDateTime.ofEpochSecond(value, 0, ZoneOffset.UTC);
      case "ms":
        return LocalDateTime.ofEpochSecond(Math.floorDiv(value, 1_000L), (int) Math.floorMod(value, 1_000L) * 1_000_000,
            ZoneOffset.UTC);
      case "us":
        return LocalDateTime.ofEpochSecond(Math.floorDiv(value, 1_000_000L), (int) Math.floorMod(value, 1_000_000L) * 1_000,
            ZoneOffset.UTC);
      case "ns":
        return LocalDateTime.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
            (int) Math.floorMod(value, 1_000_000_000L), ZoneOffset.UTC);
      default:
        throw new ValidationException("Unsupported datetime unit \"" + unit + "\"");
    }
  }

  /**
   * The text numpy prints for a datetime value: {@code 2020-06-22T00:00:00} for seconds, {@code 2020-06-22} for
   * days, {@code 2020-06} for months, with fractional digits for sub-second units; {@code NaT} for NaT.
   */
  public static String format(long value, String unit) {
    if (value == NAT) {
      return "NaT";
    }
    LocalDateTime t = toLocalDateTime(value, unit);
    // years past 9999 take more than four digits: cut by field, not by position
    String year = String.format(java.util.Locale.ROOT, "%04d", t.getYear());
    String month = year + String.format(java.util.Locale.ROOT, "-%02d", t.getMonthValue());
    String date = month + String.format(java.util.Locale.ROOT, "-%02d", t.getDayOfMonth());
    switch (unit) {
      case "Y":
        return year;
      case "M":
        return month;
      case "W":
      case "D":
        return date;
      case "h":
        return date + String.format(java.util.Locale.ROOT, "T%02d", t.getHour());
      case "m":
        return date + String.format(java.util.Locale.ROOT, "T%02d:%02d", t.getHour(), t.getMinute());
      case "s":
        return date + String.format(java.util.Locale.ROOT, "T%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
      default:
        String frac = String.format(java.util.Locale.ROOT, "%09d", t.getNano());
        int digits = unit.equals("ms") ? 3 : unit.equals("us") ? 6 : 9;
        return date + String.format(java.util.Locale.ROOT, "T%02d:%02d:%02d.", t.getHour(), t.getMinute(), t.getSecond())
            + frac.substring(0, digits);
    }
  }
}
