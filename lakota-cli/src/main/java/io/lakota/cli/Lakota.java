package io.lakota.cli;

import io.lakota.Repo;
import io.lakota.storage.PodMetrics;
import io.lakota.storage.uri.Pods;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code lakota} command (CLI.md): global options, then one subcommand. Each subcommand is a small class of its
 * own; the library does the work.
 *
 * <p>Exit codes: 0 success (also after a closed stdout pipe); 1 a failed command, with one line on stderr (a stack
 * trace only with {@code -vv}); 2 a usage error (unknown command or option, missing or malformed argument), with
 * the usage line and {@code lakota[ <command>]: error: <message>} on stderr.
 */
@Command(
    name = "lakota",
    description = "Versioned, columnar timeseries storage (Lakota 0.7 format).",
    footer = {"", "Exit status: 0 success, 1 failure (one line on stderr), 2 usage error."})
public final class Lakota implements Runnable {
  /** The repository used when neither {@code -r} nor {@code LAKOTA_REPO} names one: {@code .lakota} here. */
  static final String DEFAULT_REPO = "file:///.lakota";
  private static final String CONVERTERS_EXCLUDES = "picocli.converters.excludes";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-r", "--repo"}, paramLabel = "URI",
      description = "Repository URI; repeat it for a cache chain (default: $LAKOTA_REPO or .lakota).")
  List<String> repos = new ArrayList<>();

  @Option(names = {"-t", "--timing"}, description = "Print the duration of the command on stderr.")
  boolean timing;

  @Option(names = {"-P", "--pretty"}, description = "Tables instead of CSV.")
  boolean pretty;

  @Option(names = {"-m", "--metrics"}, description = "Print the bytes read and written on stderr.")
  boolean metrics;

  @Option(names = {"-v", "--verbose"}, description = "Log INFO (-vv: DEBUG) lines on stderr.")
  boolean[] verbose = new boolean[0];

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  private final Invocation invocation;
  private final PrintWriter out;
  private final PrintStream err;
  private Repo repo;

  private Lakota(Invocation invocation) {
    this.invocation = invocation;
    this.out = new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(invocation.out(), StandardCharsets.UTF_8), 1 << 16));
    this.err = new PrintStream(invocation.err(), true, StandardCharsets.UTF_8);
  }

  /** Without a command: the usage and the list of commands. */
  @Override
  public void run() {
    spec.commandLine().usage(out);
  }

  Invocation invocation() {
    return invocation;
  }

  /** Standard output (buffered; flushed when the command ends). */
  PrintWriter out() {
    return out;
  }

  boolean pretty() {
    return pretty;
  }

  /** The repository of {@code -r} (several: a cache chain), else {@code LAKOTA_REPO}, else {@code .lakota}. */
  Repo repo() {
    if (repo == null) {
      List<String> uris = repos;
      if (uris.isEmpty()) {
        String env = invocation.environment().get("LAKOTA_REPO");
        uris = List.of(env == null || env.isEmpty() ? DEFAULT_REPO : env);
      }
      repo = new Repo(Pods.fromUris(uris));
    }
    return repo;
  }

  /** A progress bar on stderr, drawn only when it is a terminal. */
  Progress progress(String label, int total) {
    return new Progress(err, invocation.isTerminal(), label, total);
  }

  /** Runs the command line on the process's streams and returns the exit code. */
  static int execute(String... args) {
    return execute(Invocation.system(), args);
  }

  /** Runs the command line with {@code invocation}'s streams, environment and zone; returns the exit code. */
  public static int execute(Invocation invocation, String... args) {
    if (System.getProperty(CONVERTERS_EXCLUDES) == null) {
      // no option is of a java.time or java.sql type; picocli would look those converters up by reflection, loading
      // a few hundred classes on every start
      System.setProperty(CONVERTERS_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
    }
    Lakota root = new Lakota(invocation);
    CommandLine cmd = new CommandLine(root);
    Subcommands.register(cmd, args);
    // argparse accepts unambiguous prefixes of long options (--lim); picocli 4.7.7 does too, but then fails on an
    // empty argument (IndexOutOfBoundsException in its abbreviation matcher), so empty arguments turn it off
    cmd.setAbbreviatedOptionsAllowed(!java.util.Arrays.asList(args).contains(""));
    cmd.setOut(root.out);
    cmd.setErr(new PrintWriter(root.err, true));
    cmd.setParameterExceptionHandler(Lakota::usageError);
    cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> root.failure(e));
    cmd.setExecutionStrategy(root::executeWithDiagnostics);
    try {
      return cmd.execute(args);
    } finally {
      root.out.flush();
      root.err.flush();
    }
  }

  private int executeWithDiagnostics(CommandLine.ParseResult parseResult) {
    CliLog.configure(verbose.length, err, invocation::zone);
    PodMetrics.reset();
    long start = System.nanoTime();
    int code = new CommandLine.RunLast().execute(parseResult);
    out.flush();
    if (code == 0) {
      List<CommandLine> chain = parseResult.asCommandLineList();
      String name = chain.get(chain.size() - 1).getCommandName();
      if (timing) {
        err.println(Diagnostics.timing(name, (System.nanoTime() - start) / 1e9));
      }
      if (metrics) {
        for (String line : Diagnostics.metrics(PodMetrics.snapshot())) {
          err.println(line);
        }
      }
    }
    return code;
  }

  private int failure(Exception e) {
    out.flush();
    if (verbose.length >= 2) {
      e.printStackTrace(err);
    }
    err.println(ErrorReport.line(e));
    return 1;
  }

  /** A usage error: the usage line, then {@code lakota[ <command>]: error: <message>}; exit status 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine c = e.getCommandLine();
    PrintWriter err = c.getErr();
    CommandLine.Help help = c.getHelp();
    err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
    err.println(c.getCommandSpec().qualifiedName(" ") + ": error: " + UsageMessages.of(e));
    err.flush();
    return 2;
  }

  public static void main(String[] args) {
    Interrupts.exitQuietly();
    System.exit(execute(args));
  }
}
