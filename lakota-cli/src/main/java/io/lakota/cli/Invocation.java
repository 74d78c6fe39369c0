package io.lakota.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one run of the command line talks to: standard streams, environment variables, the local time zone (used for
 * {@code -B} dates and revision dates, CLI.md §4) and whether stderr is a terminal (progress bars). Tests build
 * their own; {@link #system()} is the process's, whose zone is looked up on first use (reading the time-zone
 * database costs a short command a noticeable part of its start-up). Immutable.
 */
public final class Invocation {
  private final InputStream in;
  private final OutputStream out;
  private final OutputStream err;
  private final Map<String, String> environment;
  private final Supplier<ZoneId> zone;
  private final boolean isTerminal;

  /** An invocation with a known zone. */
  public Invocation(InputStream in, OutputStream out, OutputStream err, Map<String, String> environment, ZoneId zone,
      boolean isTerminal) {
    this(in, out, err, environment, () -> zone, isTerminal);
  }

  private Invocation(InputStream in, OutputStream out, OutputStream err, Map<String, String> environment,
      Supplier<ZoneId> zone, boolean isTerminal) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.zone = zone;
    this.isTerminal = isTerminal;
  }

  /** The process's streams and environment, the system time zone, and a terminal check on the console. */
  public static Invocation system() {
    // the one place where the JVM's default zone is read: the command line is specified to use local time
    return new Invocation(System.in, System.out, System.err, System.getenv(), new SystemZone(),
        System.console() != null);
  }

  public InputStream in() {
    return in;
  }

  public OutputStream out() {
    return out;
  }

  public OutputStream err() {
    return err;
  }

  public Map<String, String> environment() {
    return environment;
  }

  /** The local time zone. */
  public ZoneId zone() {
    return zone.get();
  }

  public boolean isTerminal() {
    return isTerminal;
  }

  /** The JVM's default zone, looked up once, on first use. */
  private static final class SystemZone implements Supplier<ZoneId> {
    private ZoneId zone;

    @Override
    public synchronized ZoneId get() {
      if (zone == null) {
        zone = ZoneId.systemDefault();
      }
      return zone;
    }
  }
}
