package io.lakota.version;

/** Text of index tuples for messages, as the reference prints them ({@code (1, 2)} or a lone value). */
final class Bounds {
  private Bounds() {}

  static String text(Object[] tuple) {
    if (tuple.length == 1) {
      return String.valueOf(tuple[0]);
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < tuple.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(tuple[i]);
    }
    return sb.append(')').toString();
  }
}
