package io.lakota.cli;

import java.io.PrintStream;

/**
 * A progress bar on stderr for long commands ({@code export}, {@code import}), drawn only when stderr is a terminal:
 * piped or captured runs print nothing extra. Single-threaded.
 */
final class Progress implements AutoCloseable {
  /** Starts bars: enabled or not depending on where stderr goes. */
  @FunctionalInterface
  interface Factory {
    Progress start(String label, int total);
  }

  private static final int WIDTH = 30;
  private final PrintStream err;
  private final String label;
  private final int total;
  private final boolean enabled;
  private int done;

  Progress(PrintStream err, boolean enabled, String label, int total) {
    this.err = err;
    this.enabled = enabled && total > 0;
    this.label = label;
    this.total = total;
    draw();
  }

  /** One more item done. */
  void step() {
    done++;
    draw();
  }

  private void draw() {
    if (!enabled) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / total);
    err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
    err.flush();
  }

  /** Erases the bar. */
  @Override
  public void close() {
    if (enabled) {
      err.print("\r" + " ".repeat(label.length() + WIDTH + 24) + "\r");
      err.flush();
    }
  }
}
