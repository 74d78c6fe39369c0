package io.lakota.cli.text;

import io.lakota.format.internal.PythonFloats;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of the generic values found in object columns and grouped {@code last}
 * results (CLI.md §2.2): {@code None}, {@code True}, integers, floats, strings, {@code b'…'} bytes, date-times
 * ({@code 2020-06-28 00:00:00}), dates, and lists and maps in literal syntax ({@code {'n': 1}}). Stateless.
 */
public final class PythonLiteral {
  private PythonLiteral() {}

  /** Python's {@code str(v)}. */
  public static String str(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    StringBuilder sb = new StringBuilder();
    repr(sb, v);
    return sb.toString();
  }

  /** Python's {@code repr(v)}. */
  public static String repr(Object v) {
    StringBuilder sb = new StringBuilder();
    repr(sb, v);
    return sb.toString();
  }

  private static void repr(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("None");
    } else if (v instanceof Boolean) {
      sb.append((Boolean) v ? "True" : "False");
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(PythonFloats.repr(((Number) v).doubleValue()));
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      sb.append(v);
    } else if (v instanceof String) {
      quote(sb, (String) v);
    } else if (v instanceof byte[]) {
      bytes(sb, (byte[]) v);
    } else if (v instanceof LocalDateTime) {
      dateTime(sb, (LocalDateTime) v);
    } else if (v instanceof LocalDate) {
      date(sb, (LocalDate) v);
    } else if (v instanceof Map) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) v).entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        repr(sb, e.getKey());
        sb.append(": ");
        repr(sb, e.getValue());
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append('}');
    } else if (v instanceof List || v instanceof Object[]) {
      List<?> l = v instanceof List ? (List<?>) v : List.of((Object[]) v);
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        repr(sb, l.get(i));
      }
      sb.append(']');
    } else {
      sb.append(v);
    }
  }

  /** {@code YYYY-MM-DD HH:MM:SS}, with {@code .ffffff} when there are microseconds (Python's datetime str). */
  private static void dateTime(StringBuilder sb, LocalDateTime t) {
    date(sb, t.toLocalDate());
    sb.append(String.format(Locale.ROOT, " %02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      sb.append(String.format(Locale.ROOT, ".%06d", micros));
    }
  }

  private static void date(StringBuilder sb, LocalDate d) {
    sb.append(String.format(Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
  }

  /** A string in Python's repr: {@code '} quotes unless the text has {@code '} and no {@code "}. */
  private static void quote(StringBuilder sb, String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    sb.append(q);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == q || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (isPrintable(cp)) {
        sb.appendCodePoint(cp);
      } else if (cp < 0x100) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", cp));
      } else if (cp < 0x10000) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
      } else {
        sb.append(String.format(Locale.ROOT, "\\U%08x", cp));
      }
    }
    sb.append(q);
  }

  /** Python's {@code str.isprintable()} for one code point (the space is printable, other separators are not). */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  private static void bytes(StringBuilder sb, byte[] b) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte x : b) {
      hasSingle |= x == '\'';
      hasDouble |= x == '"';
    }
    char q = hasSingle && !hasDouble ? '"' : '\'';
    sb.append('b').append(q);
    for (byte x : b) {
      int c = x & 0xff;
      if (c == q || c == '\\') {
        sb.append('\\').append((char) c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c >= 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else {
        sb.append((char) c);
      }
    }
    sb.append(q);
  }
}
