package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.Repo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lakota length LABEL} (alias {@code len}): the rows of a series, or of all series of a collection. */
@Command(name = "length", aliases = "len", description = "Print the number of rows of a series or a collection.")
final class LengthCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "LABEL", description = "collection or collection/series")
  String label;

  @Override
  public Integer call() {
    Repo repo = lakota.repo();
    long rows = 0;
    if (label.contains("/")) {
      rows = Names.series(repo, label).length();
    } else {
      Collection c = Names.collection(repo, label);
      for (String s : c.ls()) {
        rows += c.series(s).length();
      }
    }
    lakota.out().println(rows);
    return 0;
  }
}
