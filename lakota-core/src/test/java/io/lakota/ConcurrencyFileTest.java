package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyContract} on the file backend. */
class ConcurrencyFileTest extends ConcurrencyContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }

  @Override
  protected boolean isConditional() {
    return true;
  }

  @Test
  @DisplayName("four OS processes write five years each into one file repository: one head, every row")
  void fourProcesses() throws Exception {
    repo.createCollection(MINUTES, "c");
    List<Process> processes = startWriters();
    awaitWriters(processes);
    Collection c = fresh().collection("c");
    assertThat(c.heads()).hasSize(1);
    assertThat(c.changelog().log()).hasSize(YEARS);
    assertThat(c.changelog().leafs()).hasSize(1);
    assertTimesIncrease(c.changelog().log());
    Series s = c.series("s");
    assertThat(s.length()).isEqualTo(ROWS);
    assertThat(s.query().start("2015-01-01").stop("2015-01-02").frame().length()).isEqualTo(1440);
    assertThat(s.query().start("2015-12-31").stop("2016-01-02").frame().length()).isEqualTo(2880);
  }

  @Test
  @DisplayName("four OS processes write while this one trims, defrags, squashes and gcs in a loop: no row lost")
  void fourProcessesWithMaintenance() throws Exception {
    int pageLen = Settings.get().pageLen();
    // pages longer than a year: every one-year segment is "small", so defrag has work whenever the head moved
    Settings.get().pageLen(600_000);
    try {
      repo.createCollection(MINUTES, "c");
      long t0 = System.nanoTime();
      List<Process> processes = startWriters();
      long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // a hung writer fails in awaitWriters
      MaintenanceLoop loop = new MaintenanceLoop(fresh(), "c", true).runUntil(period -> {
        if (System.nanoTime() - giveUp > 0) {
          return true;
        }
        for (Process p : processes) {
          if (!p.waitFor(period.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
          }
        }
        return true;
      }, Duration.ofMillis(50));
      awaitWriters(processes);
      long t1 = System.nanoTime();
      assertEveryRow(fresh().collection("c"), true);
      System.getLogger("lakota").log(System.Logger.Level.INFO,
          "fourProcessesWithMaintenance: {0}; writing {1} ms, checking {2} ms", loop, (t1 - t0) / 1_000_000,
          (System.nanoTime() - t1) / 1_000_000);
    } finally {
      Settings.get().pageLen(pageLen);
    }
  }

  /** Options of the writer processes' JVMs. */
  protected List<String> writerJvmOptions() {
    return List.of();
  }

  /** Starts four {@link ConcurrentWriterMain} processes, five years each, on the test's repository. */
  private List<Process> startWriters() throws IOException {
    Path root = tmp.resolve("repo");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
      command.addAll(writerJvmOptions());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConcurrentWriterMain.class.getName(),
          root.toString(), Integer.toString(FIRST_YEAR + 5 * p), "5"));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectErrorStream(true);
      pb.redirectOutput(tmp.resolve("writer-" + p + ".log").toFile());
      processes.add(pb.start());
    }
    return processes;
  }

  /** Waits for the writers (5 minutes at most each); each must exit with status 0. */
  private void awaitWriters(List<Process> processes) throws IOException, InterruptedException {
    for (int p = 0; p < processes.size(); p++) {
      Process process = processes.get(p);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      assertThat(process.exitValue()).as(Files.readString(tmp.resolve("writer-" + p + ".log"))).isZero();
    }
  }
}
