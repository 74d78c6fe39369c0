package io.lakota.cli.text;

import java.util.List;

/**
 * Writes CSV the way Python's {@code csv} module does by default (CLI.md §2.1): {@code ,} between fields,
 * {@code \r\n} after every record, a field quoted only when it contains {@code ,}, {@code "}, {@code \r} or
 * {@code \n} (with {@code "} doubled), and a record made of one empty field written {@code ""}. A null field is
 * written empty. Appends to a caller-owned {@link StringBuilder}; stateless.
 */
public final class CsvWriter {
  private CsvWriter() {}

  /** Appends one record. */
  public static void record(StringBuilder out, List<String> fields) {
    if (fields.size() == 1 && (fields.get(0) == null || fields.get(0).isEmpty())) {
      // a lone empty field would be an empty line, which readers skip
      out.append("\"\"\r\n");
      return;
    }
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      field(out, fields.get(i));
    }
    out.append("\r\n");
  }

  /** Appends one field, quoted when needed. */
  public static void field(StringBuilder out, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (!needsQuotes(value)) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
