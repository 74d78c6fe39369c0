package io.lakota.cli;

import io.lakota.cli.bench.Workloads;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lakota bench W ROWS REPO_PATH}: runs one standard workload and prints one JSON line. */
@Command(name = "bench", description = "Run a standard workload (W1-W5) and print one JSON line.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "Workload: W1, W2, W3, W4 or W5.")
  String workload;

  @Parameters(index = "1", description = "Number of rows.")
  int rows;

  @Parameters(index = "2", description = "Folder of the file repository to use.")
  Path repo;

  @Option(names = "--no-warmup", description = "Measure a cold JVM: skip the JIT warm-up run on a temporary "
      + "repository.")
  boolean noWarmup;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(Workloads.run(workload, rows, repo, !noWarmup).toJson());
    return 0;
  }
}
