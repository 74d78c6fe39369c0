package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.cli.text.CsvReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakota write collection/series < data.csv}: one write of the CSV on stdin (CLI.md §4.6). Everything is
 * parsed and checked before the write, so a bad input leaves the repository unchanged.
 */
@Command(name = "write", description = "Write the CSV read on stdin (with a header row) to a series.")
final class WriteCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "LABEL", description = "collection/series (the series is created if needed)")
  String label;

  @Override
  public Integer call() {
    String[] parts = Names.split(label);
    Collection collection = Names.collection(lakota.repo(), parts[0]);
    CsvReader.Content csv = CsvReader.parse(stdin());
    if (csv == null) {
      throw CliException.of("ValueError", "Cannot write: stdin is empty, expected CSV with a header row");
    }
    Frame frame = CsvColumns.frame(collection.schema(), csv);
    if (frame.isEmpty()) {
      throw CliException.of("ValueError", "Cannot write: the CSV on stdin has a header but no rows");
    }
    CsvColumns.checkSorted(collection.schema(), frame);
    collection.series(parts[1]).write(frame);
    return 0;
  }

  private String stdin() {
    try {
      return new String(lakota.invocation().in().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read stdin", e);
    }
  }
}
