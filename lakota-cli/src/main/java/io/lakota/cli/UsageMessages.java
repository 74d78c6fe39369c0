package io.lakota.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The reference's (argparse) wording of usage errors, where picocli's differs. */
final class UsageMessages {
  private UsageMessages() {}

  static String of(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException) {
      List<String> unmatched = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
      CommandLine c = e.getCommandLine();
      if (!c.getSubcommands().isEmpty() && c.getParent() == null && !unmatched.isEmpty()
          && !unmatched.get(0).startsWith("-")) {
        return "argument COMMAND: invalid choice: '" + unmatched.get(0) + "'";
      }
      return "unrecognized arguments: " + String.join(" ", unmatched);
    }
    if (e instanceof CommandLine.MissingParameterException) {
      List<String> names = new ArrayList<>();
      for (ArgSpec a : ((CommandLine.MissingParameterException) e).getMissing()) {
        names.add(a instanceof OptionSpec ? String.join("/", ((OptionSpec) a).names()) : a.paramLabel());
      }
      return "the following arguments are required: " + String.join(", ", names);
    }
    return e.getMessage();
  }
}
