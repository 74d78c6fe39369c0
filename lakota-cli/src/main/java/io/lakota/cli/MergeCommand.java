package io.lakota.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakota merge COLLECTION} (CLI.md §4.7): exact collection name; the merge itself is not available in this
 * build (history and sync operations come with issue 4).
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
    if (lakota.repo().collection(collection) == null) {
      throw CliException.notFound("Collection " + collection + " not found");
    }
    throw Unavailable.operation("merge");
  }
}
