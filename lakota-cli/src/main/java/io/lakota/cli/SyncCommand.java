package io.lakota.cli;

import io.lakota.Repo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The arguments and the run shared by {@code pull} and {@code push} (CLI.md §4.9): {@code REMOTE [COLLECTION...]
 * [-s]}, every collection of the source when none is given (SEMANTICS.md §14.2). No output; a progress bar per
 * collection on stderr when it is a terminal.
 */
abstract class SyncCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote repository URI.")
  String remote;

  @Parameters(index = "1..*", paramLabel = "COLLECTION", description = "Collections (default: all).")
  List<String> collections = new ArrayList<>();

  @Option(names = {"-s", "--shallow"}, description = "Only the last revision.")
  boolean shallow;

  /** The command's name, for the progress bars. */
  abstract String name();

  /** The repository the collections are copied from. */
  abstract Repo source(Repo local, Repo remote);

  /** Copies the collections, reporting to {@code bars}. */
  abstract void sync(Repo local, Repo remote, SyncBars bars);

  @Override
  public Integer call() {
    Repo local = lakota.repo();
    Repo other = Repo.open(remote);
    Repo source = source(local, other);
    for (String c : collections) {
      if (source.collection(c) == null) {
        throw CliException.notFound("Collection \"" + c + "\" not found");
      }
    }
    try (SyncBars bars = new SyncBars(lakota::progress, name())) {
      sync(local, other, bars);
    }
    return 0;
  }
}
