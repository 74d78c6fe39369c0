package io.lakota.cli;

import io.lakota.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakota defrag [COLLECTION...] [-a]} (CLI.md §4.8): defragments each collection given (prefix resolution),
 * every collection then the registry with {@code -a}, the registry alone without either (SEMANTICS.md §15.2). No
 * output.
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
    for (Collection c : Maintained.collections(lakota.repo(), collections, all)) {
      c.defrag();
    }
    return 0;
  }
}
