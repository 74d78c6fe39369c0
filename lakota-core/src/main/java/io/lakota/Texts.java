package io.lakota;

import io.lakota.format.ColumnDefinition;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import java.util.List;

/** Text of values and index tuples for error messages: datetimes as numpy prints them, strings quoted. */
final class Texts {
  private Texts() {}

  /** One value of a dtype. */
  static String value(Dtype dt, Object v) {
    if (dt.kind() == Dtype.Kind.DATETIME && v instanceof Long) {
      return Datetimes.format((Long) v, dt.unit());
    }
    if (v instanceof String) {
      return "'" + v + "'";
    }
    return String.valueOf(v);
  }

  /** A tuple of index values (possibly a prefix of the index): {@code (2020-01-01T00:00:00, 'a')}. */
  static String tuple(List<ColumnDefinition> index, Object[] values) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      sb.append(i > 0 ? ", " : "");
      sb.append(i < index.size() ? value(index.get(i).dtype(), values[i]) : String.valueOf(values[i]));
    }
    return sb.append(')').toString();
  }

  /** A label as Python's {@code repr} shows it: quoted, with control characters escaped. */
  static String repr(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\t':
          sb.append("\\t");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\'':
          sb.append("\\'");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('\'').toString();
  }
}
