package io.lakota.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lakota} command: entry point and global options. Each subcommand is a small class of its own; the
 * work is done by the library.
 *
 * <p>Exit codes: 0 success, 1 error (one line on stderr), 2 usage error.
 */
@Command(
    name = "lakota",
    mixinStandardHelpOptions = false,
    subcommands = {VersionCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
    description = "Versioned, columnar timeseries storage (Lakota 0.7 format).")
public final class Lakota implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the exit code. */
  static int execute(String... args) {
    CommandLine cmd = new CommandLine(new Lakota());
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println(ex.getMessage() == null ? ex.toString() : ex.getMessage());
          return 1;
        });
    return cmd.execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
