package io.lakota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stderr extras of CLI.md §6: timing, metrics, log lines, progress bars. */
class DiagnosticsTest {
  @TempDir Path dir;

  @Test
  void formatsTimingAndMetricsWithSiPrefixes() {
    assertThat(Diagnostics.timing("ls", 0.00184)).isEqualTo("Timing (ls): 1.84ms");
    assertThat(Diagnostics.timing("read", 1.02)).isEqualTo("Timing (read): 1.02s");
    assertThat(Diagnostics.timing("read", 0.0005)).isEqualTo("Timing (read): 500.00us");
    Map<String, Long> counters = new LinkedHashMap<>();
    counters.put("FilePOD.read", 1480L);
    counters.put("FilePOD.write", 512L);
    assertThat(Diagnostics.metrics(counters))
        .containsExactly("Total FilePOD.read: 1.48ko", "Total FilePOD.write: 512.00o");
  }

  @Test
  void logsAtTheRequestedLevel() {
    Cli cli = new Cli(dir);
    Walkthrough.temperature(cli);
    Cli.Result quiet = cli.lakota("ls");
    assertThat(quiet.err()).isEmpty();
    Cli.Result debug = cli.lakota("-vv", "ls");
    assertThat(debug.err()).containsPattern("(?m)^DEBUG:\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}: \\S+");
    assertThat(debug.out()).isEqualTo(Cli.csv("collection", "temperature"));
  }

  @Test
  void drawsProgressOnlyOnATerminal() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    try (Progress p = new Progress(new PrintStream(terminal, true, StandardCharsets.UTF_8), true, "export", 2)) {
      p.step();
    }
    assertThat(terminal.toString(StandardCharsets.UTF_8)).startsWith(
        "\rexport [                              ] 0/2\rexport [###############               ] 1/2\r");
    ByteArrayOutputStream pipe = new ByteArrayOutputStream();
    try (Progress p = new Progress(new PrintStream(pipe, true, StandardCharsets.UTF_8), false, "export", 2)) {
      p.step();
      p.step();
    }
    assertThat(pipe.size()).isZero();
  }
}
