package io.lakota.cli;

import io.lakota.Collection;
import io.lakota.Repo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lakota trim [COLLECTION...] [-b DATE] [-a]} (CLI.md §4.8): removes the revisions older than DATE (naive
 * dates in the local time zone; default now minus twice the timeout setting) of each collection given (prefix
 * resolution), of every collection then the registry with {@code -a}, of the registry alone without either. The
 * leaf is always kept. No output.
 */
@Command(name = "trim", description = "Drop history before a date (-a: every collection, then the registry).")
final class TrimCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Parameters(paramLabel = "COLLECTION", description = "Collections (or prefixes).")
  List<String> collections = new ArrayList<>();

  @Option(names = {"-b", "--before"}, paramLabel = "DATE", description = "Horizon (local time).")
  String before;

  @Option(names = {"-a", "--all"}, description = "Every collection and the registry.")
  boolean all;

  @Override
  public Integer call() {
    Instant horizon = before == null ? null : DateArgument.parse(before, lakota.invocation().zone());
    if (before != null && horizon == null) {
      throw new ParameterException(spec.commandLine(), "argument --before/-b: Datetime-like value expected.");
    }
    Repo repo = lakota.repo();
    for (Collection c : Maintained.collections(repo, collections, all)) {
      if (horizon == null) {
        c.trim();
      } else {
        c.trim(horizon);
      }
    }
    return 0;
  }
}
