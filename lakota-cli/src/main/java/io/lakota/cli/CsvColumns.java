package io.lakota.cli;

import io.lakota.Frame;
import io.lakota.cli.text.CsvReader;
import io.lakota.errors.ValidationException;
import io.lakota.format.Casts;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CSV records as a frame of a schema (CLI.md §4.6): each schema column, in schema order, is taken from the header
 * column of that name (a missing one is the reference's {@code KeyError: 'KeyError: "<name>"'}) and cast from text
 * with SEMANTICS.md §3.4 (an unparsable value is a {@code ValueError} with the reference's message); header columns
 * that are not in the schema are ignored.
 */
final class CsvColumns {
  private CsvColumns() {}

  static Frame frame(Schema schema, CsvReader.Content csv) {
    Map<String, Object> columns = new LinkedHashMap<>();
    int n = csv.records().size();
    for (ColumnDefinition def : schema.columns()) {
      // the reference builds a dict from the header: a repeated name keeps its last column
      int index = csv.header().lastIndexOf(def.name());
      if (index < 0) {
        throw CliException.keyError("KeyError: \"" + def.name() + "\"");
      }
      String[] values = new String[n];
      for (int r = 0; r < n; r++) {
        values[r] = csv.records().get(r)[index];
      }
      columns.put(def.name(), cast(def, values));
    }
    return new Frame(schema, columns);
  }

  private static Object cast(ColumnDefinition def, String[] values) {
    try {
      return Casts.toColumn(def, values);
    } catch (ValidationException e) {
      // Casts names the column around the reference's own message, which it keeps as the cause
      Throwable cause = e.getCause();
      throw CliException.of("ValueError", cause instanceof ValidationException ? cause.getMessage() : e.getMessage());
    }
  }

  /**
   * Checks the row order of a write: the reference asserts it before anything is written ({@code AssertionError:
   * Frame is not sorted!}); key/value collections sort their writes themselves.
   */
  static void checkSorted(Schema schema, Frame frame) {
    if (!schema.isKv() && !frame.isSorted()) {
      throw CliException.of("AssertionError", "Frame is not sorted!");
    }
  }
}
