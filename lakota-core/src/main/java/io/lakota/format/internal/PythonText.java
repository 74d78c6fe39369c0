package io.lakota.format.internal;

/** Python's {@code str()} of the values that can reach a string column (None, booleans, numbers, strings). */
public final class PythonText {
  private PythonText() {}

  public static String str(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? "True" : "False";
    }
    if (v instanceof Double || v instanceof Float) {
      return PythonFloats.repr(((Number) v).doubleValue());
    }
    if (v instanceof byte[]) {
      return new String((byte[]) v, java.nio.charset.StandardCharsets.UTF_8);
    }
    return String.valueOf(v);
  }
}
