package io.lakota.cli;

import io.lakota.Repo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakota pull REMOTE [COLLECTION...] [-s]} (CLI.md §4.9): {@code repo.pull(Repo(REMOTE), collections,
 * shallow)}, every remote collection when none is given (SEMANTICS.md §14.2). No output; a progress bar per
 * collection on stderr when it is a terminal.
 */
@Command(name = "pull", description = "Pull collections from a remote repository.")
final class PullCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote repository URI.")
  String remote;

  @Parameters(index = "1..*", paramLabel = "COLLECTION", description = "Collections (default: all).")
  List<String> collections = new ArrayList<>();

  @Option(names = {"-s", "--shallow"}, description = "Only the last revision.")
  boolean shallow;

  @Override
  public Integer call() {
    Repo local = lakota.repo();
    Repo source = Repo.open(remote);
    for (String c : collections) {
      if (source.collection(c) == null) {
        throw CliException.notFound("Collection \"" + c + "\" not found");
      }
    }
    try (SyncBars bars = new SyncBars(lakota::progress, "pull")) {
      local.pull(source, collections, shallow, bars);
    }
    return 0;
  }
}
