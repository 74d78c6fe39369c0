package io.lakota.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of {@code reduce}: named arrays of one length, key columns first (they form the index). Immutable;
 * the arrays are shared and must not be modified.
 */
public final class ReducedFrame {
  private final List<String> names;
  private final List<ArrayValue> columns;
  private final List<Boolean> index;
  private final int length;

  ReducedFrame(List<String> names, List<ArrayValue> columns, List<Boolean> index) {
    this.names = Collections.unmodifiableList(new ArrayList<>(names));
    this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    this.index = Collections.unmodifiableList(new ArrayList<>(index));
    int n = -1;
    for (int i = 0; i < columns.size(); i++) {
      ArrayValue c = columns.get(i);
      if (n >= 0 && c.length() != n) {
        throw new ExpressionException("Length mismatch: column \"" + names.get(i) + "\" has " + c.length()
            + " values, previous columns have " + n);
      }
      n = c.length();
    }
    this.length = Math.max(n, 0);
  }

  /** The number of rows. */
  public int length() {
    return length;
  }

  /** The column names, in order (names may repeat when the same alias is given twice). */
  public List<String> names() {
    return names;
  }

  /** The columns, in order. */
  public List<ArrayValue> columns() {
    return columns;
  }

  /** The column at {@code i}. */
  public ArrayValue column(int i) {
    return columns.get(i);
  }

  /** The first column of that name. */
  public ArrayValue column(String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new MissingKeyException(name);
    }
    return columns.get(i);
  }

  /** True when column {@code i} is a key (index) column. */
  public boolean isIndex(int i) {
    return index.get(i);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ReducedFrame(");
    for (int i = 0; i < names.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(names.get(i)).append(index.get(i) ? "*" : "").append('=')
          .append(columns.get(i));
    }
    return sb.append(')').toString();
  }
}
