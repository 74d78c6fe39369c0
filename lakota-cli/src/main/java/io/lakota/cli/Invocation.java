package io.lakota.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Map;

/**
 * What one run of the command line talks to: standard streams, environment variables, the local time zone (used for
 * {@code -B} dates and revision dates, CLI.md §4) and whether stderr is a terminal (progress bars). Tests build
 * their own; {@link #system()} is the process's. Immutable.
 */
public record Invocation(
    InputStream in, OutputStream out, OutputStream err, Map<String, String> environment, ZoneId zone,
    boolean isTerminal) {

  /** The process's streams and environment, the system time zone, and a terminal check on the console. */
  public static Invocation system() {
    // the one place where the JVM's default zone is read: the command line is specified to use local time
    return new Invocation(System.in, System.out, System.err, System.getenv(), ZoneId.systemDefault(),
        System.console() != null);
  }
}
