package io.lakota.testing;

import io.lakota.Frame;
import io.lakota.SeriesFormat;
import io.lakota.format.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal series format for the core's export/import tests (the real CSV and Parquet formats live in other
 * modules): a header line, then one line per row of tab-separated values in the schema's text form
 * ({@link Schema#serialize}); no quoting, so values must not hold tabs or line breaks.
 */
public final class TsvFormat implements SeriesFormat {
  @Override
  public String extension() {
    return "tsv";
  }

  @Override
  public byte[] encode(Frame frame) {
    StringBuilder sb = new StringBuilder(String.join("\t", frame.schema().names())).append('\n');
    for (int i = 0; i < frame.length(); i++) {
      Object[] row = new Object[frame.columns().size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = frame.row(i).get(frame.schema().names().get(c));
      }
      sb.append(String.join("\t", frame.schema().serialize(row))).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Map<String, Object> decode(byte[] content, Schema schema, String path) {
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
    Map<String, Object> out = new LinkedHashMap<>();
    if (lines.length == 0 || lines[0].isEmpty()) {
      return out;
    }
    String[] header = lines[0].split("\t", -1);
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      rows.add(lines[i].split("\t", -1));
    }
    for (int c = 0; c < header.length; c++) {
      String[] values = new String[rows.size()];
      for (int r = 0; r < values.length; r++) {
        values[r] = rows.get(r)[c];
      }
      out.put(header[c], values);
    }
    return out;
  }
}
