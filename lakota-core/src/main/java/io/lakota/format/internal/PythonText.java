package io.lakota.format.internal;

/**
 * Python's text rules that the format and the command line must reproduce: {@code str()} of the values that can
 * reach a string column (None, booleans, numbers, strings), {@code str.isspace()} and {@code str.strip()}.
 */
public final class PythonText {
  private PythonText() {}

  /** Python's {@code str()} of {@code v}. */
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

  /** Python's {@code str.isspace()} for one character. */
  public static boolean isSpace(char c) {
    switch (c) {
      case '\t':
      case '\n':
      case 0x0b:
      case 0x0c:
      case '\r':
      case 0x1c:
      case 0x1d:
      case 0x1e:
      case 0x1f:
      case ' ':
      case 0x85:
      case 0xa0:
      case 0x1680:
      case 0x2028:
      case 0x2029:
      case 0x202f:
      case 0x205f:
      case 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200a;
    }
  }

  /** Python's {@code s.strip()}: {@code s} without leading and trailing {@link #isSpace} characters. */
  public static String strip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }
}
