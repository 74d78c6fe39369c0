package io.lakota.cli;

import io.lakota.query.PrettyNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The stderr lines of {@code -t} and {@code -m} (CLI.md §6). */
final class Diagnostics {
  private Diagnostics() {}

  /** {@code Timing (<command>): 1.84ms}. */
  static String timing(String command, double seconds) {
    return "Timing (" + command + "): " + PrettyNumbers.format(seconds) + "s";
  }

  /** {@code Total FilePOD.read: 1.48ko}, one line per counter in first-use order. */
  static List<String> metrics(Map<String, Long> counters) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Long> e : counters.entrySet()) {
      lines.add("Total " + e.getKey() + ": " + PrettyNumbers.format(e.getValue()) + "o");
    }
    return lines;
  }
}
