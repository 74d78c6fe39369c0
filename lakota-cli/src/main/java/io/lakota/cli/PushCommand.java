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
 * {@code lakota push REMOTE [COLLECTION...] [-s]} (CLI.md §4.9): {@code repo.push(Repo(REMOTE), collections,
 * shallow)}, every local collection when none is given (SEMANTICS.md §14.2). No output; a progress bar per
 * collection on stderr when it is a terminal.
 */
@Command(name = "push", description = "Push collections to a remote repository.")
final class PushCommand implements Callable<Integer> {
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
    Repo target = Repo.open(remote);
    for (String c : collections) {
      if (local.collection(c) == null) {
        throw CliException.notFound("Collection \"" + c + "\" not found");
      }
    }
    try (SyncBars bars = new SyncBars(lakota::progress, "push")) {
      local.push(target, collections, shallow, bars);
    }
    return 0;
  }
}
