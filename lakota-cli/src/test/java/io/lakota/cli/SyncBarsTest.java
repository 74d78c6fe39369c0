package io.lakota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bars of {@code pull} and {@code push}: one per collection, from the sync's reports. */
class SyncBarsTest {
  @Test
  void drawsOneBarPerCollectionOnATerminal() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(terminal, true, StandardCharsets.UTF_8);
    try (SyncBars bars = new SyncBars((label, total) -> new Progress(err, true, label, total), "pull")) {
      bars.update("temperature", 0, 2);
      bars.update("temperature", 1, 2);
      bars.update("temperature", 2, 2);
      bars.update("registry", 0, 1);
      bars.update("registry", 1, 1);
    }
    String drawn = terminal.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("\rpull temperature [" + " ".repeat(30) + "] 0/2")
        .contains("\rpull temperature [" + "#".repeat(15) + " ".repeat(15) + "] 1/2")
        .contains("\rpull temperature [" + "#".repeat(30) + "] 2/2")
        .contains("\rpull registry [" + "#".repeat(30) + "] 1/1")
        .endsWith("\r");
    assertThat(drawn.indexOf("2/2")).isLessThan(drawn.indexOf("pull registry"));
  }

  @Test
  void drawsNothingElsewhere() {
    ByteArrayOutputStream pipe = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(pipe, true, StandardCharsets.UTF_8);
    try (SyncBars bars = new SyncBars((label, total) -> new Progress(err, false, label, total), "push")) {
      bars.update("temperature", 0, 3);
      bars.update("temperature", 3, 3);
    }
    assertThat(pipe.size()).isZero();
  }
}
