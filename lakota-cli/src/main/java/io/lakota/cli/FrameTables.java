package io.lakota.cli;

import io.lakota.Frame;
import io.lakota.cli.text.Table;
import io.lakota.query.ArrayValue;
import io.lakota.query.ColumnSource;
import io.lakota.query.ReducedFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adapters from frames and reduce results to what the query engine reads and what the command line prints. */
final class FrameTables {
  private FrameTables() {}

  /** The frame's columns as the query engine's source ({@code self.<column>}). */
  static ColumnSource source(Frame frame) {
    Map<String, ArrayValue> columns = new LinkedHashMap<>();
    for (String name : frame.columns()) {
      columns.put(name, ArrayValue.of(frame.schema().column(name).dtype(), frame.column(name)));
    }
    return ColumnSource.of(columns);
  }

  /** The named columns of a frame, in the given order (a name may repeat). */
  static Table table(Frame frame, List<String> names) {
    List<Table.Column> cols = new ArrayList<>();
    for (String name : names) {
      cols.add(new Table.Column(name, frame.schema().column(name).dtype(), frame.column(name)));
    }
    return Table.of(cols);
  }

  /** A reduce result. */
  static Table table(ReducedFrame frame) {
    List<Table.Column> cols = new ArrayList<>();
    for (int i = 0; i < frame.names().size(); i++) {
      ArrayValue a = frame.column(i);
      cols.add(new Table.Column(frame.names().get(i), a.dtype(), a.data()));
    }
    return Table.of(cols);
  }
}
