package io.lakota.cli;

import io.lakota.Frame;
import io.lakota.SeriesFormat;
import io.lakota.cli.text.CsvReader;
import io.lakota.cli.text.CsvTable;
import io.lakota.cli.text.Table;
import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Series files of the export layout as CSV (FORMAT.md §10): exactly what {@code lakota read} prints (CLI.md §2.1,
 * §2.2), and read back as text columns the schema casts. Stateless.
 */
final class CsvFormat implements SeriesFormat {
  static final CsvFormat INSTANCE = new CsvFormat();

  private CsvFormat() {}

  @Override
  public String extension() {
    return "csv";
  }

  @Override
  public byte[] encode(Frame frame) {
    Table table = FrameTables.table(frame, frame.schema().names());
    StringBuilder csv = new StringBuilder();
    CsvTable.header(csv, table);
    CsvTable.rows(csv, table);
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Map<String, Object> decode(byte[] content, Schema schema, String path) {
    CsvReader.Content csv;
    try {
      csv = CsvReader.parse(new String(content, StandardCharsets.UTF_8));
    } catch (ValidationException e) {
      throw new ValidationException("Unable to load " + path + ": " + e.getMessage(), e);
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    if (csv == null) {
      return columns;
    }
    int n = csv.records().size();
    for (int c = 0; c < csv.header().size(); c++) {
      String[] values = new String[n];
      for (int r = 0; r < n; r++) {
        values[r] = csv.records().get(r)[c];
      }
      // a repeated header name keeps its last column, as the reference's dict does
      columns.remove(csv.header().get(c));
      columns.put(csv.header().get(c), values);
    }
    return columns;
  }
}
