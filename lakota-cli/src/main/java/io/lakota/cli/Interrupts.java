package io.lakota.cli;

/**
 * An interrupt (Ctrl-C) ends the command quietly with exit status 0, as the reference does (CLI.md §2.4): no stack
 * trace, no further output. Revision and data files are written atomically, so stopping mid-command leaves no
 * partial file behind. {@code sun.misc.Signal} (module jdk.unsupported) is the only way to handle a signal in Java
 * 17; javac warns about it.
 */
final class Interrupts {
  private Interrupts() {}

  /** A class rather than a lambda: the first lambda of a process costs a method-handle bootstrap at start-up. */
  private static final class Halt implements sun.misc.SignalHandler {
    @Override
    public void handle(sun.misc.Signal signal) {
      Runtime.getRuntime().halt(0);
    }
  }

  static void exitQuietly() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), new Halt());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // no SIGINT on this platform: the JVM's default handling stays
    }
  }
}
