package io.lakota.cli;

import io.lakota.cli.text.CsvTable;
import io.lakota.cli.text.CsvWriter;
import io.lakota.cli.text.PrettyTable;
import io.lakota.cli.text.Table;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints the pages of a read (CLI.md §4.1): CSV rows after one header record, or one pretty table per page.
 * Single-threaded.
 */
final class PageWriter {
  private final PrintWriter out;
  private final boolean pretty;
  private final StringBuilder buffer = new StringBuilder(1 << 12);
  private List<String> pendingHeader;

  PageWriter(PrintWriter out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  /**
   * The CSV header record (nothing in pretty mode, where every table has its header). It is printed with the first
   * page, or by {@link #finish()}, so that a command failing on its first page prints nothing on stdout.
   */
  void header(List<String> names) {
    if (!pretty) {
      pendingHeader = names;
    }
  }

  /** Prints a header still pending (a read without any page). */
  void finish() {
    if (pendingHeader != null) {
      buffer.setLength(0);
      CsvWriter.record(buffer, pendingHeader);
      pendingHeader = null;
      out.append(buffer);
    }
  }

  /** One page. */
  void page(Table table) {
    buffer.setLength(0);
    if (pendingHeader != null) {
      CsvWriter.record(buffer, pendingHeader);
      pendingHeader = null;
    }
    if (pretty) {
      buffer.append(PrettyTable.render(table));
    } else {
      CsvTable.rows(buffer, table);
    }
    out.append(buffer);
    out.flush();
  }

  /** True once stdout is gone (a closed pipe): the command stops printing. */
  boolean isClosed() {
    return out.checkError();
  }
}
