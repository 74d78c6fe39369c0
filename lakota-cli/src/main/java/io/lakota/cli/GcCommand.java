package io.lakota.cli;

import io.lakota.maintenance.GcResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakota gc [-n]} (CLI.md §4.11): runs the two-phase garbage collector (SEMANTICS.md §16) and prints
 * {@code <hard deletions> segments deleted}. {@code -n} (not in the reference) changes nothing and prints what a
 * collection would do: {@code <n> segments would be deleted}, {@code <n> would be buried}, {@code <n> would be
 * restored}.
 */
@Command(name = "gc", description = "Delete unreferenced data files.")
final class GcCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Option(names = {"-n", "--dry-run"}, description = "Report what would be deleted, buried or restored; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    if (dryRun) {
      GcResult r = lakota.repo().gcDryRun();
      lakota.out().print(r.hardDeleted() + " segments would be deleted\n" + r.softDeleted() + " would be buried\n"
          + r.resurrected() + " would be restored\n");
    } else {
      lakota.out().print(lakota.repo().gc().hardDeleted() + " segments deleted\n");
    }
    return 0;
  }
}
