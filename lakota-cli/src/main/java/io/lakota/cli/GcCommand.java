package io.lakota.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lakota gc} (CLI.md §4.11): garbage collection is not available in this build. */
@Command(name = "gc", description = "Delete unreferenced data files.")
final class GcCommand implements Callable<Integer> {
  @ParentCommand Lakota lakota;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Override
  public Integer call() {
    throw Unavailable.operation("gc");
  }
}
