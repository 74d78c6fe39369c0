package io.lakota.query;

import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns an expression reads as {@code self.<column>}: a frame seen through the few accessors the query engine
 * needs. The engine never touches storage: it only reads these arrays (and never modifies them).
 */
public interface ColumnSource {

  /** The number of rows; every column has this length. */
  int length();

  /** The column names, in order. */
  List<String> columnNames();

  /**
   * The dtype of a column.
   *
   * @throws MissingKeyException when there is no such column
   */
  Dtype dtype(String name);

  /**
   * The primitive array of a column, of its dtype's storage type (shared: do not modify).
   *
   * @throws MissingKeyException when there is no such column
   */
  Object column(String name);

  /**
   * A source over column arrays of a schema's columns, in map order (as a frame holds them).
   *
   * @throws ExpressionException when a column is not in the schema or lengths differ
   */
  static ColumnSource of(Schema schema, Map<String, ?> columns) {
    Map<String, ArrayValue> arrays = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : columns.entrySet()) {
      if (!schema.has(e.getKey())) {
        throw new MissingKeyException(e.getKey());
      }
      arrays.put(e.getKey(), ArrayValue.of(schema.column(e.getKey()).dtype(), e.getValue()));
    }
    return of(arrays);
  }

  /**
   * A source over arrays, in map order.
   *
   * @throws ExpressionException when lengths differ
   */
  static ColumnSource of(Map<String, ArrayValue> columns) {
    Map<String, ArrayValue> copy = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    int n = -1;
    for (ArrayValue a : copy.values()) {
      if (n >= 0 && a.length() != n) {
        throw new ExpressionException("Length mismatch");
      }
      n = a.length();
    }
    int length = Math.max(n, 0);
    return new ColumnSource() {
      @Override
      public int length() {
        return length;
      }

      @Override
      public List<String> columnNames() {
        return new ArrayList<>(copy.keySet());
      }

      @Override
      public Dtype dtype(String name) {
        return get(name).dtype();
      }

      @Override
      public Object column(String name) {
        return get(name).data();
      }

      private ArrayValue get(String name) {
        ArrayValue a = copy.get(name);
        if (a == null) {
          throw new MissingKeyException(name);
        }
        return a;
      }
    };
  }
}
