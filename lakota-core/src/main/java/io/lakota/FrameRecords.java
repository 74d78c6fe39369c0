package io.lakota;

import io.lakota.errors.ValidationException;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Datetimes;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between frames and lists of records (maps of column name to value), SEMANTICS.md §6. */
final class FrameRecords {
  private FrameRecords() {}

  static List<Map<String, Object>> records(Frame frame, RecordStyle style) {
    List<String> names = frame.columns();
    List<Map<String, Object>> out = new ArrayList<>(frame.length());
    for (int i = 0; i < frame.length(); i++) {
      out.add(record(frame, names, i, style));
    }
    return out;
  }

  static Map<String, Object> record(Frame frame, List<String> names, int i, RecordStyle style) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String n : names) {
      Dtype dt = frame.schema().column(n).dtype();
      m.put(n, value(dt, Columns.get(frame.column(n), i), style));
    }
    return m;
  }

  /** One stored value presented in a style. */
  static Object value(Dtype dt, Object v, RecordStyle style) {
    if (dt.kind() != Dtype.Kind.DATETIME || style == RecordStyle.RAW) {
      return v;
    }
    long count = (Long) v;
    if (count == Datetimes.NAT) {
      return null;
    }
    if (style == RecordStyle.EPOCH) {
      return Datetimes.toInstant(count, dt.unit()).getEpochSecond();
    }
    if (dt.unit().equals("D")) {
      return Datetimes.toLocalDateTime(count, "D").toLocalDate();
    }
    return Datetimes.toLocalDateTime(count, dt.unit());
  }

  static Frame fromRecords(Schema schema, List<? extends Map<String, ?>> records) {
    if (records.isEmpty()) {
      return new Frame(schema, Map.of());
    }
    List<String> keys = new ArrayList<>(records.get(0).keySet());
    Map<String, Object> cols = new LinkedHashMap<>();
    for (String k : keys) {
      if (!schema.has(k)) {
        continue;
      }
      ColumnDefinition def = schema.column(k);
      Object[] values = new Object[records.size()];
      for (int i = 0; i < values.length; i++) {
        Map<String, ?> r = records.get(i);
        if (!r.containsKey(k)) {
          throw new ValidationException("Cannot build a frame from records: record " + i + " has no \"" + k + "\"");
        }
        values[i] = r.get(k);
      }
      cols.put(def.name(), values);
    }
    return new Frame(schema, cols);
  }
}
