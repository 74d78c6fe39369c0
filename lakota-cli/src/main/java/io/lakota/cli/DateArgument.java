package io.lakota.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date arguments of {@code read -B} and {@code trim -b} (CLI.md §4.1): an ISO 8601 date or date-time with
 * {@code T} or a space, an optional fraction and an optional offset; a naive value is in the local time zone.
 */
final class DateArgument {
  private static final Pattern DATE = Pattern.compile(
      "(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"
          + "(?:[T ](\\d{2})(?::(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?)?"
          + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");

  private DateArgument() {}

  /** The instant of {@code text}, or null when it is not a date. */
  static Instant parse(String text, ZoneId zone) {
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDateTime t = LocalDateTime.of(
          Integer.parseInt(m.group(1)),
          m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 1 : Integer.parseInt(m.group(3)),
          m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
          m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
      String offset = m.group(8);
      if (offset == null) {
        return t.atZone(zone).toInstant();
      }
      if (offset.length() == 3) {
        offset = offset + ":00";
      } else if (offset.length() == 5) {
        offset = offset.substring(0, 3) + ":" + offset.substring(3);
      }
      return t.toInstant(offset.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
