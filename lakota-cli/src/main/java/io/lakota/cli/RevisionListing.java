package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.cli.text.PrettyTable;
import io.lakota.cli.text.Table;
import io.lakota.cli.text.ValueText;
import io.lakota.format.Dtype;
import io.lakota.id.Hextime;
import io.lakota.version.Commit;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of {@code lakota rev} (CLI.md §4.3): for each revision in log order, its name (with {@code *} for
 * leaves), local date and total length, then with {@code -e} a table of its commit rows.
 */
final class RevisionListing {
  private RevisionListing() {}

  /**
   * @param series restrict the tables to this series, or null
   * @param extended 0: no table; 1: rows; 2: rows with digests
   */
  static String render(Collection collection, String series, int extended, ZoneId zone) {
    StringBuilder out = new StringBuilder();
    List<Dtype> index = collection.schema().indexDtypes();
    for (Revision r : collection.changelog().log()) {
      Commit commit = collection.commit(r);
      long total = 0;
      for (CommitRow row : commit.rows()) {
        total += row.length();
      }
      out.append("\nRevision: ").append(r.path()).append(r.isLeaf() ? "*" : "").append('\n');
      out.append("Date: ").append(date(r, zone)).append('\n');
      out.append("Total length: ").append(total).append("\n\n");
      if (extended > 0) {
        out.append(PrettyTable.render(table(series == null ? commit.rows() : commit.rows(series), index, extended)));
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static Table table(List<CommitRow> rows, List<Dtype> index, int extended) {
    int n = rows.size();
    String[] labels = new String[n];
    String[] starts = new String[n];
    String[] stops = new String[n];
    Object[] lengths = new Object[n];
    String[] closed = new String[n];
    String[] digests = new String[n];
    for (int i = 0; i < n; i++) {
      CommitRow row = rows.get(i);
      labels[i] = row.label();
      starts[i] = joined(row.start(), index);
      stops[i] = joined(row.stop(), index);
      // Python integers: an "int" column for the table rules
      lengths[i] = row.length();
      closed[i] = row.closed().letter();
      digests[i] = String.join(" / ", row.digests());
    }
    List<Table.Column> cols = new ArrayList<>();
    cols.add(new Table.Column("label", Dtype.STR, labels));
    cols.add(new Table.Column("start", Dtype.STR, starts));
    cols.add(new Table.Column("stop", Dtype.STR, stops));
    cols.add(new Table.Column("length", Dtype.OBJECT, lengths));
    cols.add(new Table.Column("closed", Dtype.STR, closed));
    if (extended > 1) {
      cols.add(new Table.Column("digests", Dtype.STR, digests));
    }
    return Table.of(cols);
  }

  private static String joined(Object[] values, List<Dtype> index) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      parts.add(ValueText.text(index.get(i), values[i]));
    }
    return String.join(" / ", parts);
  }

  /** The child's hextime in local time: {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, as Python prints a datetime. */
  private static String date(Revision r, ZoneId zone) {
    long millis = Hextime.millis(r.epoch());
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
    String s = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    int ms = t.getNano() / 1_000_000;
    return ms == 0 ? s : s + String.format(Locale.ROOT, ".%03d000", ms);
  }
}
