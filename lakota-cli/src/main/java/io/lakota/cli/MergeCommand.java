package io.lakota.cli;

import io.lakota.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakota merge COLLECTION} (CLI.md §4.7): merges the heads of a collection's changelog (SEMANTICS.md §13).
 * Exact collection name only; prints nothing.
 */
@Command(name = "merge", description = "Merge the heads of a collection's changelog.")
final class MergeCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "COLLECTION", description = "The exact collection name.")
  String collection;

  @Override
  public Integer call() {
    Collection c = lakota.repo().collection(collection);
    if (c == null) {
      throw CliException.notFound("Collection " + collection + " not found");
    }
    c.merge();
    return 0;
  }
}
