package io.lakota.testing;

import io.lakota.Frame;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders frames and index values the way {@code golden_repo_expected.json} records them: datetimes as numpy text,
 * integers as {@code Long}, floats as {@code Double}, strings as they are.
 */
public final class Render {
  private Render() {}

  /** A frame as column name → list of JSON-like values, in frame order. */
  public static Map<String, List<Object>> frame(Frame f) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (String c : f.columns()) {
      Dtype dt = f.schema().column(c).dtype();
      Object arr = f.column(c);
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < f.length(); i++) {
        values.add(value(dt, Columns.get(arr, i)));
      }
      out.put(c, values);
    }
    return out;
  }

  /** One value as the fixture records it. */
  public static Object value(Dtype dt, Object v) {
    if (dt.kind() == Dtype.Kind.DATETIME) {
      return Datetimes.format((Long) v, dt.unit());
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float) {
      return ((Float) v).doubleValue();
    }
    return v;
  }

  /** Text of an index value, as in the fixture's commit rows ({@code "2"}, {@code "2020-06-22T00:00:00"}). */
  public static String text(ColumnDefinition c, Object v) {
    Object r = value(c.dtype(), v);
    return String.valueOf(r);
  }
}
