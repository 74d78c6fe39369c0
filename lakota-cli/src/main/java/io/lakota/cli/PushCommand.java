package io.lakota.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lakota push REMOTE [COLLECTION...] [-s]} (CLI.md §4.9): the arguments are parsed, then the command fails:
 * push is not available in this build (sync comes with issue 4).
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
    throw Unavailable.operation("push");
  }
}
