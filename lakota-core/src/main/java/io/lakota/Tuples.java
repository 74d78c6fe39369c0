package io.lakota;

import java.util.List;

/** Normalization of caller-given bounds and keys to index tuples: a scalar, an {@code Object[]} or a list. */
final class Tuples {
  private Tuples() {}

  /**
   * The tuple of a varargs bound: no value or a lone null is unbounded (null); a lone {@code Object[]} or
   * {@link List} is the tuple itself; otherwise the values.
   */
  static Object[] of(Object... values) {
    if (values == null || values.length == 0) {
      return null;
    }
    if (values.length == 1) {
      return of(values[0]);
    }
    return values;
  }

  /** The tuple of one bound or key: null stays null, an array or list is the tuple, a scalar a one-value tuple. */
  static Object[] of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Object[]) {
      Object[] t = (Object[]) value;
      return t.length == 0 ? null : t;
    }
    if (value instanceof List) {
      List<?> l = (List<?>) value;
      return l.isEmpty() ? null : l.toArray();
    }
    return new Object[] {value};
  }
}
