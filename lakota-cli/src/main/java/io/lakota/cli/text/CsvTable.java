package io.lakota.cli.text;

import java.util.ArrayList;
import java.util.List;

/** A {@link Table} as CSV records (CLI.md §2.1, §2.2). Stateless. */
public final class CsvTable {
  private CsvTable() {}

  /** Appends the header record. */
  public static void header(StringBuilder out, Table table) {
    CsvWriter.record(out, table.names());
  }

  /** Appends one record per row. */
  public static void rows(StringBuilder out, Table table) {
    List<Table.Column> cols = table.columns();
    List<String> fields = new ArrayList<>(cols.size());
    for (int i = 0; i < table.length(); i++) {
      fields.clear();
      for (Table.Column c : cols) {
        fields.add(ValueText.text(c.dtype(), c.data(), i));
      }
      CsvWriter.record(out, fields);
    }
  }
}
