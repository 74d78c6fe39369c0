package io.lakota.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lakota help [COMMAND]}: the description and options of a command; nothing without one (CLI.md §4.14). */
@Command(name = "help", description = "Show the help of a command.")
final class HelpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "A command.")
  String command;

  @Override
  public Integer call() {
    if (command == null) {
      return 0;
    }
    CommandLine root = spec.commandLine().getParent();
    CommandLine sub = root.getSubcommands().get(command);
    if (sub == null) {
      throw new ParameterException(spec.commandLine(), "argument COMMAND: invalid choice: '" + command + "'");
    }
    sub.usage(spec.commandLine().getOut());
    return 0;
  }
}
