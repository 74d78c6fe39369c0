package io.lakota.cli;

import io.lakota.Repo;
import io.lakota.Series;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lakota delete LABEL} (alias {@code del}): deletes a collection or a series (CLI.md §4.10). */
@Command(name = "delete", aliases = "del", description = "Delete a collection or a series.")
final class DeleteCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "LABEL", description = "collection (or prefix) or collection/series")
  String label;

  @Override
  public Integer call() {
    Repo repo = lakota.repo();
    if (label.contains("/")) {
      Series s = Names.series(repo, label);
      s.collection().delete(s.label());
    } else {
      repo.delete(Names.collection(repo, label).label());
    }
    return 0;
  }
}
