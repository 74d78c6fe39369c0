package io.lakota.cli;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The destination and level of the library's log lines in the command line (CLI.md §6): {@code WARNING} and above by
 * default, {@code INFO} with {@code -v}, {@code DEBUG} with {@code -vv}; lines read
 * {@code INFO:2021-03-01 10:00:00: <message>}. Process-wide: one command runs per process (tests run them in turn).
 */
final class CliLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static volatile System.Logger.Level level = System.Logger.Level.WARNING;
  private static volatile PrintStream err = System.err;
  private static volatile Supplier<ZoneId> zone = () -> ZoneOffset.UTC;

  private CliLog() {}

  /** Sets where and from which level lines are printed; the zone is only looked up when a line is printed. */
  static void configure(int verbosity, PrintStream stream, Supplier<ZoneId> localZone) {
    level = verbosity >= 2 ? System.Logger.Level.DEBUG
        : verbosity == 1 ? System.Logger.Level.INFO : System.Logger.Level.WARNING;
    err = stream;
    zone = localZone;
  }

  static boolean isLoggable(System.Logger.Level l) {
    return l != System.Logger.Level.OFF && l.getSeverity() >= level.getSeverity();
  }

  static void print(System.Logger.Level l, String message) {
    String name = l == System.Logger.Level.TRACE ? "DEBUG" : l.getName();
    err.println(name + ":" + LocalDateTime.now(zone.get()).format(TIME) + ": " + message);
    err.flush();
  }
}
