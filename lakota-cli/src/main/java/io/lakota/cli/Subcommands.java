package io.lakota.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The subcommands of {@code lakota}, registered lazily: picocli builds a command's model by reflection, which for
 * every subcommand costs more than a short command itself. When the command line names a known subcommand only that
 * one is registered; help, usage errors and unknown commands get them all.
 */
final class Subcommands {
  /** Subcommand names and aliases, in help order. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("read", ReadCommand::new);
    COMMANDS.put("export", ExportCommand::new);
    COMMANDS.put("import", ImportCommand::new);
    COMMANDS.put("length", LengthCommand::new);
    COMMANDS.put("rev", RevCommand::new);
    COMMANDS.put("ls", LsCommand::new);
    COMMANDS.put("defrag", DefragCommand::new);
    COMMANDS.put("trim", TrimCommand::new);
    COMMANDS.put("push", PushCommand::new);
    COMMANDS.put("pull", PullCommand::new);
    COMMANDS.put("create", CreateCommand::new);
    COMMANDS.put("write", WriteCommand::new);
    COMMANDS.put("merge", MergeCommand::new);
    COMMANDS.put("delete", DeleteCommand::new);
    COMMANDS.put("gc", GcCommand::new);
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("help", HelpCommand::new);
    COMMANDS.put("version", VersionCommand::new);
    COMMANDS.put("bench", BenchCommand::new);
  }

  private static final Map<String, String> ALIASES = Map.of("len", "length", "del", "delete");

  private Subcommands() {}

  /** Adds to {@code root} the subcommand {@code args} invokes, or every subcommand. */
  static void register(CommandLine root, String[] args) {
    String name = commandName(args);
    if (name != null) {
      name = ALIASES.getOrDefault(name, name);
    }
    if (name != null && COMMANDS.containsKey(name) && !name.equals("help")) {
      root.addSubcommand(COMMANDS.get(name).get());
      return;
    }
    for (Supplier<Object> command : COMMANDS.values()) {
      root.addSubcommand(command.get());
    }
  }

  /** The first argument that is not a global option or the value of {@code -r}/{@code --repo}, or null. */
  static String commandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return i + 1 < args.length ? args[i + 1] : null;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        return a;
      }
      boolean longRepo = a.startsWith("--") && a.length() > 2 && a.indexOf('=') < 0 && "--repo".startsWith(a);
      // a cluster of short options ending with r (-vr URI) takes the next argument as its value
      boolean shortRepo = !a.startsWith("--") && a.endsWith("r");
      if (longRepo || shortRepo) {
        i++;
      }
    }
    return null;
  }
}
