package io.lakota.cli.text;

import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the command line prints: named columns, each a dtype and a primitive column array of that dtype's storage,
 * all of one length. Built from frames, reduce results, listings. Immutable (the arrays are shared, not copied).
 */
public final class Table {
  /** One column: its header, dtype and array. */
  public record Column(String name, Dtype dtype, Object data) {}

  private final List<Column> columns;
  private final int length;

  private Table(List<Column> columns) {
    this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    int n = -1;
    for (Column c : columns) {
      int len = Columns.length(c.data());
      if (n >= 0 && len != n) {
        throw new IllegalArgumentException("Cannot build a table: column " + c.name() + " has " + len
            + " values, previous columns have " + n);
      }
      n = len;
    }
    this.length = Math.max(n, 0);
  }

  /** A table of these columns. */
  public static Table of(List<Column> columns) {
    return new Table(columns);
  }

  /** A one-column table of strings (listings). */
  public static Table ofStrings(String name, List<String> values) {
    return new Table(List.of(new Column(name, Dtype.STR, values.toArray(new String[0]))));
  }

  public List<Column> columns() {
    return columns;
  }

  /** The headers, in order. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(c.name());
    }
    return out;
  }

  /** The number of rows. */
  public int length() {
    return length;
  }
}
