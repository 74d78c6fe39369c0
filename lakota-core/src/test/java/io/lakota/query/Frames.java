package io.lakota.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** The frames of the specification's examples. */
final class Frames {
  private Frames() {}

  /** EX-5: timestamps 2020-01-01T11:30, 2020-01-02T12:30, 2020-01-03T13:30 (seconds), values 1, 2, 3. */
  static ColumnSource ex5() {
    Map<String, ArrayValue> m = new LinkedHashMap<>();
    m.put("timestamp", ArrayValue.ofDatetimes("s", 1577878200L, 1577968200L, 1578058200L));
    m.put("value", ArrayValue.ofLongs(1, 2, 3));
    return ColumnSource.of(m);
  }

  /** §8.4: timestamps 1589455901 ×2, 1589455902 ×2; categories a b a b; values 1 2 3 4. */
  static ColumnSource categories() {
    Map<String, ArrayValue> m = new LinkedHashMap<>();
    m.put("timestamp", ArrayValue.ofDatetimes("s", 1589455901L, 1589455901L, 1589455902L, 1589455902L));
    m.put("category", ArrayValue.ofStrings("a", "b", "a", "b"));
    m.put("value", ArrayValue.ofLongs(1, 2, 3, 4));
    return ColumnSource.of(m);
  }

  /** CLI.md §5 after the corrected write: 2020-06-22 … 2020-06-28, 25 24.2 27.9 31 32.5 30.1 29.2. */
  static ColumnSource brussels() {
    long day = 86_400;
    long start = 1592784000L;
    Map<String, ArrayValue> m = new LinkedHashMap<>();
    long[] ts = new long[7];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = start + i * day;
    }
    m.put("timestamp", ArrayValue.ofDatetimes("s", ts));
    m.put("value", ArrayValue.ofDoubles(25, 24.2, 27.9, 31, 32.5, 30.1, 29.2));
    return ColumnSource.of(m);
  }
}
