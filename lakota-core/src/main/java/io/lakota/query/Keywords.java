package io.lakota.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A keyword bundle built by {@code (kw k1 v1 …)}: merged into the keyword arguments of the enclosing call instead of
 * being passed positionally (EXPRESSIONS.md §4). Immutable.
 */
public final class Keywords {
  private final Map<String, Object> values;

  Keywords(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The keyword arguments, in order. */
  public Map<String, Object> values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Keywords && ((Keywords) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "kw" + values;
  }
}
