package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path root = tmp.resolve("repo");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
          ConcurrentWriterMain.class.getName(), root.toString(), Integer.toString(FIRST_YEAR + 5 * p), "5");
      pb.redirectErrorStream(true);
      pb.redirectOutput(tmp.resolve("writer-" + p + ".log").toFile());
      processes.add(pb.start());
    }
    for (int p = 0; p < processes.size(); p++) {
      Process process = processes.get(p);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      assertThat(process.exitValue()).as(Files.readString(tmp.resolve("writer-" + p + ".log"))).isZero();
    }
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
}
