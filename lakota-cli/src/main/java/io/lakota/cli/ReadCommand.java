package io.lakota.cli;

import io.lakota.Frame;
import io.lakota.Query;
import io.lakota.Series;
import io.lakota.format.Closed;
import io.lakota.format.Schema;
import io.lakota.query.Expressions;
import io.lakota.query.ReduceColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lakota read LABEL [COLUMNS...]}: prints a series, or its reduction (CLI.md §4.1). */
@Command(name = "read", description = "Read a series (columns containing '(' reduce it).")
final class ReadCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "LABEL", description = "collection/series")
  String label;

  @Parameters(index = "1..*", paramLabel = "COLUMNS", description = "Columns or s-expressions.")
  List<String> columns = new ArrayList<>();

  @Option(names = {"-l", "--limit"}, paramLabel = "N", description = "At most N rows.")
  Integer limit;

  @Option(names = {"-o", "--offset"}, paramLabel = "N", description = "Skip N rows.")
  Integer offset;

  @Option(names = {"-p", "--paginate"}, paramLabel = "N", description = "Read by pages of N rows.")
  Integer paginate;

  @Option(names = {"-t", "--tail"}, paramLabel = "N", description = "The last N rows.")
  Integer tail;

  @Option(names = {"-B", "--before"}, paramLabel = "DATE", description = "Read as before DATE (local time).")
  String before;

  @Option(names = {"-m", "--mask"}, paramLabel = "EXPR", description = "Keep rows where EXPR is true.")
  String mask;

  @Option(names = {"--greater-than", "--gt"}, paramLabel = "V", description = "Lower bound (repeatable).")
  List<String> greaterThan = new ArrayList<>();

  @Option(names = {"--less-than", "--lt"}, paramLabel = "V", description = "Upper bound (repeatable).")
  List<String> lessThan = new ArrayList<>();

  @Option(names = {"-c", "--closed"}, paramLabel = "C", defaultValue = "LEFT",
      description = "LEFT/l (default), RIGHT/r, BOTH/b, NONE/n.")
  String closed;

  @Override
  public Integer call() {
    Instant beforeTime = null;
    if (before != null) {
      beforeTime = DateArgument.parse(before, lakota.invocation().zone());
      if (beforeTime == null) {
        throw new ParameterException(spec.commandLine(), "argument --before/-B: Datetime-like value expected.");
      }
    }
    Series series = Names.series(lakota.repo(), label);
    Closed flag = closed(closed);
    Schema schema = series.collection().schema();
    boolean reducing = false;
    for (String c : columns) {
      reducing |= c.contains("(");
    }
    List<String> names = columns.isEmpty() ? schema.names() : columns;
    if (!reducing) {
      for (String c : names) {
        if (!schema.has(c)) {
          throw CliException.keyError(c);
        }
      }
    }
    Query q = series.query().closed(flag);
    if (!greaterThan.isEmpty()) {
      q.start(greaterThan.toArray());
    }
    if (!lessThan.isEmpty()) {
      q.stop(lessThan.toArray());
    }
    if (beforeTime != null) {
      q.before(beforeTime);
    }
    if (limit != null) {
      q.limit(limit);
    }
    if (offset != null) {
      q.offset(offset);
    }
    if (!reducing && mask == null && !columns.isEmpty()) {
      // duplicates are printed twice but read once; a mask may read columns that are not printed
      q.select(new LinkedHashSet<>(columns).toArray(new String[0]));
    }
    Iterable<Frame> pages = paginate != null ? q.paginate(paginate) : List.of(tail != null ? q.tail(tail) : q.frame());
    print(pages, names, reducing);
    return 0;
  }

  private void print(Iterable<Frame> pages, List<String> names, boolean reducing) {
    PageWriter writer = new PageWriter(lakota.out(), lakota.pretty());
    List<ReduceColumn> reduction = new ArrayList<>();
    for (String c : columns) {
      reduction.add(ReduceColumn.of(c));
    }
    if (!reducing) {
      writer.header(names);
    }
    boolean first = true;
    for (Frame page : pages) {
      if (mask != null) {
        page = page.mask(Expressions.mask(FrameTables.source(page), mask));
      }
      if (reducing) {
        if (page.isEmpty()) {
          continue;
        }
        var table = FrameTables.table(Expressions.reduce(FrameTables.source(page), reduction));
        if (first) {
          writer.header(table.names());
        }
        writer.page(table);
      } else {
        writer.page(FrameTables.table(page, names));
      }
      first = false;
      if (writer.isClosed()) {
        return;
      }
    }
    if (!reducing) {
      writer.finish();
    }
  }

  /** The closed flag; anything but the eight spellings is the reference's {@code KeyError: '<value>'}. */
  private static Closed closed(String text) {
    switch (text) {
      case "LEFT":
      case "l":
        return Closed.LEFT;
      case "RIGHT":
      case "r":
        return Closed.RIGHT;
      case "BOTH":
      case "b":
        return Closed.BOTH;
      case "NONE":
      case "n":
        return Closed.NONE;
      default:
        throw CliException.keyError(text);
    }
  }
}
