package io.lakota.cli.text;

import io.lakota.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (CLI.md §2.1): {@code ,} separators, {@code \n} or {@code \r\n} line ends, quoted fields that may hold
 * separators, doubled quotes and line breaks. Blank lines are ignored (the reference fails on them) and every record
 * must have as many fields as the header. A leading byte order mark is dropped. Stateless.
 */
public final class CsvReader {
  private CsvReader() {}

  /** The parsed content: the header and the records, each as many fields as the header. */
  public record Content(List<String> header, List<String[]> records) {}

  /**
   * Parses {@code text}.
   *
   * @return null when the text holds no record at all (not even a header)
   * @throws ValidationException {@code Cannot parse CSV: …} for an unterminated quoted field or a record whose
   *     field count differs from the header's, naming its line
   */
  public static Content parse(String text) {
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int n = text.length();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (i < n) {
      int recordLine = line;
      fields.clear();
      boolean blank = true;
      while (true) {
        field.setLength(0);
        boolean quoted = false;
        if (i < n && text.charAt(i) == '"') {
          quoted = true;
          blank = false;
          int open = line;
          i++;
          while (true) {
            if (i >= n) {
              throw new ValidationException("Cannot parse CSV: unterminated quoted field starting on line " + open);
            }
            char c = text.charAt(i++);
            if (c == '"') {
              if (i < n && text.charAt(i) == '"') {
                field.append('"');
                i++;
              } else {
                break;
              }
            } else {
              if (c == '\n') {
                line++;
              }
              field.append(c);
            }
          }
        }
        // unquoted part (or what follows a closing quote, kept as Python's csv module does)
        while (i < n) {
          char c = text.charAt(i);
          if (c == ',' || c == '\n' || c == '\r') {
            break;
          }
          field.append(c);
          i++;
        }
        if (field.length() > 0) {
          blank = false;
        }
        fields.add(field.toString());
        if (i < n && text.charAt(i) == ',') {
          blank = false;
          i++;
          continue;
        }
        if (i < n && text.charAt(i) == '\r') {
          i++;
        }
        if (i < n && text.charAt(i) == '\n') {
          i++;
        }
        line++;
        break;
      }
      if (!blank) {
        rows.add(fields.toArray(new String[0]));
        lines.add(recordLine);
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    String[] header = rows.get(0);
    List<String[]> records = rows.subList(1, rows.size());
    for (int r = 0; r < records.size(); r++) {
      if (records.get(r).length != header.length) {
        throw new ValidationException("Cannot parse CSV: line " + lines.get(r + 1) + " has " + records.get(r).length
            + " fields, the header has " + header.length);
      }
    }
    return new Content(List.of(header), new ArrayList<>(records));
  }
}
