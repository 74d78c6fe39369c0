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
 * {@code lakota defrag [COLLECTION...] [-a]} (CLI.md §4.8): the collections are resolved, then the command fails:
 * defrag is not available in this build.
 */
@Command(name = "defrag", description = "Defragment collections (-a: all, then the registry).")
final class DefragCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(paramLabel = "COLLECTION", description = "Collections (or prefixes).")
  List<String> collections = new ArrayList<>();

  @Option(names = {"-a", "--all"}, description = "Every collection and the registry.")
  boolean all;

  @Override
  public Integer call() {
    Repo repo = lakota.repo();
    for (String c : collections) {
      Names.collection(repo, c);
    }
    throw Unavailable.operation("defrag");
  }
}
