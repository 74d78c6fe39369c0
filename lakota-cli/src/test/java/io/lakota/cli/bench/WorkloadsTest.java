package io.lakota.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.errors.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workloads of {@code lakota bench} write and read exactly what issue 7 specifies, at small sizes and without
 * the JIT warm-up (timings are not checked here: they are measured with the benchmark itself).
 */
class WorkloadsTest {
  @TempDir Path tmp;

  /** Runs a workload, checks the head of its JSON line (it reports {@code rows} rows) and returns the line. */
  private static String run(String workload, int arg, long rows, Path path) {
    String json = Workloads.run(workload, arg, path).toJson();
    assertThat(json).startsWith("{\"impl\":\"java\",\"workload\":\"" + workload + "\",\"rows\":" + rows
        + ",\"seconds\":");
    return json;
  }

  @Test
  void w1WritesTheDataInOneWriteAndW2W3ReadIt() {
    Path path = tmp.resolve("w1");
    assertThat(run("W1", 10_000, 10_000, path)).contains(",\"bytes_on_disk\":" + DiskUsage.of(path) + "}");
    Collection bench = Workloads.open(path).collection("bench");
    assertThat(bench.schema()).isEqualTo(Workloads.SCHEMA);
    assertThat(bench.ls()).containsExactly("s");
    assertThat(bench.changelog().log()).hasSize(1);
    Frame f = bench.series("s").frame();
    assertThat(f.longs("timestamp")).containsExactly(BenchData.timestamps(10_000));
    assertThat(f.doubles("value")).containsExactly(BenchData.values(10_000));

    assertThat(run("W2", 10_000, 10_000, path)).doesNotContain("ops").doesNotContain("bytes_on_disk");
    assertThat(run("W3", 10_000, 3_600_000, path)).endsWith(",\"ops\":1000}");
    assertThatThrownBy(() -> Workloads.run("W2", 20_000, path))
        .hasMessage("W2 read 10000 rows, expected 20000");
  }

  @Test
  void w4MakesOneRowCommitsOverAHundredSeries() {
    Path path = tmp.resolve("w4");
    assertThat(run("W4", 250, 250, path)).contains(",\"ops\":250,\"bytes_on_disk\":");
    Collection small = Workloads.open(path).collection("small");
    assertThat(small.ls()).hasSize(100).contains("s0", "s99");
    assertThat(small.changelog().log()).hasSize(250);
    assertThat(small.changelog().leafs()).hasSize(1);
    Frame s3 = small.series("s3").frame();
    assertThat(s3.longs("timestamp")).containsExactly(BenchData.T0 + 3, BenchData.T0 + 103, BenchData.T0 + 203);
    assertThat(s3.doubles("value")).containsExactly(3, 103, 203);
    assertThat(small.series("s60").frame().doubles("value")).containsExactly(60, 160);
  }

  @Test
  void w5WritesAThousandSeriesInOneBatch() {
    Path path = tmp.resolve("w5");
    assertThat(run("W5", 3_000, 3_000, path)).contains(",\"bytes_on_disk\":");
    Collection batch = Workloads.open(path).collection("batch");
    assertThat(batch.ls()).hasSize(1000);
    assertThat(batch.changelog().log()).hasSize(1);
    double[] base = BenchData.values(3);
    for (int j : new int[] {0, 7, 999}) {
      Frame f = batch.series("s" + j).frame();
      assertThat(f.longs("timestamp")).containsExactly(BenchData.timestamps(3));
      assertThat(f.doubles("value")).containsExactly(Arrays.stream(base).map(v -> v + j).toArray());
    }
  }

  @Test
  void badArgumentsAreRefusedWithoutCreatingTheRepository() {
    Path path = tmp.resolve("none");
    assertThatThrownBy(() -> Workloads.run("W2", 10, path))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot run W2 on " + path + ": it reads the repository W1 writes, and there is no collection"
            + " \"bench\" there (run W1 on it first)");
    assertThatThrownBy(() -> Workloads.run("W3", 10_000, path))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Cannot run W3 on " + path + ":");
    assertThatThrownBy(() -> Workloads.run("W3", 3600, path))
        .hasMessage("W3 needs more than 3600 rows, got 3600");
    assertThatThrownBy(() -> Workloads.run("W5", 999, path))
        .hasMessage("W5 needs at least 1000 rows (1000 series), got 999");
    assertThatThrownBy(() -> Workloads.run("W1", 0, path))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot run W1: ROWS must be > 0, got 0");
    assertThatThrownBy(() -> Workloads.run("W6", 10, path))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Unknown workload \"W6\": expected W1, W2, W3, W4 or W5");
    assertThat(Files.exists(path)).isFalse();
  }
}
