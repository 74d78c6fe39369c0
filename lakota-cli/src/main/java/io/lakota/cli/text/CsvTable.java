package io.lakota.cli.text;

import java.util.List;

/** A {@link Table} as CSV records (CLI.md §2.1, §2.2). Stateless. */
public final class CsvTable {
  private CsvTable() {}

  /** Appends the header record. */
  public static void header(StringBuilder out, Table table) {
    new CsvWriter(out).record(table.names());
  }

  /** Appends one record per row. */
  public static void rows(StringBuilder out, Table table) {
    List<Table.Column> cols = table.columns();
    CsvWriter csv = new CsvWriter(out);
    String[] fields = new String[cols.size()];
    for (int i = 0; i < table.length(); i++) {
      for (int j = 0; j < fields.length; j++) {
        Table.Column c = cols.get(j);
        fields[j] = ValueText.text(c.dtype(), c.data(), i);
      }
      csv.record(fields);
    }
  }
}
