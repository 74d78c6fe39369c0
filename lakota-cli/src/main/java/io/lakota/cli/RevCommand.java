package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.Repo;
import io.lakota.Series;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lakota rev [LABEL] [-e]...}: the revisions of the registry, a collection or a series (CLI.md §4.3). */
@Command(name = "rev", description = "List revisions (-e: with their rows, -ee: and digests).")
final class RevCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", arity = "0..1", paramLabel = "LABEL", description = "collection or collection/series")
  String label;

  @Option(names = {"-e", "--extended"}, description = "Show the commit rows (twice: and their digests).")
  boolean[] extended = new boolean[0];

  @Override
  public Integer call() {
    Repo repo = lakota.repo();
    Collection collection;
    String series = null;
    if (label == null) {
      collection = repo.registry();
    } else if (label.contains("/")) {
      Series s = Names.series(repo, label);
      collection = s.collection();
      series = s.label();
    } else {
      collection = Names.collection(repo, label);
    }
    lakota.out().append(RevisionListing.render(collection, series, extended.length, lakota.invocation().zone()));
    return 0;
  }
}
