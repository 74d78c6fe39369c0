package io.lakota.server;

import java.util.List;
import java.util.Locale;

/** The few JSON documents the server writes: compact, keys sorted as the reference sorts them. Stateless. */
final class ServerJson {
  private ServerJson() {}

  /** {@code {"body":["a","b"]}}. */
  static String body(List<String> names) {
    StringBuilder out = new StringBuilder(16 + names.size() * 40).append("{\"body\":[");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      quote(out, names.get(i));
    }
    return out.append("]}").toString();
  }

  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
