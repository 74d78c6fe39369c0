package io.lakota.cli.bench;

import io.lakota.internal.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of {@code lakota bench} output. Immutable. */
public final class BenchResult {
  private final String workload;
  private final long rows;
  private final double seconds;
  private final double rowsPerSecond;
  private final Long ops;
  private final Long bytesOnDisk;

  BenchResult(String workload, long rows, double seconds, double rowsPerSecond, Long ops, Long bytesOnDisk) {
    this.workload = workload;
    this.rows = rows;
    this.seconds = seconds;
    this.rowsPerSecond = rowsPerSecond;
    this.ops = ops;
    this.bytesOnDisk = bytesOnDisk;
  }

  public double seconds() {
    return seconds;
  }

  /** {@code {"impl":"java","workload":…,"rows":…,"seconds":…,"rows_per_s":…[,"ops":…][,"bytes_on_disk":…]}}. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("impl", "java");
    m.put("workload", workload);
    m.put("rows", rows);
    m.put("seconds", Math.round(seconds * 1e6) / 1e6);
    m.put("rows_per_s", Math.round(rowsPerSecond * 10) / 10.0);
    if (ops != null) {
      m.put("ops", ops);
    }
    if (bytesOnDisk != null) {
      m.put("bytes_on_disk", bytesOnDisk);
    }
    return Json.write(m).replace(", ", ",").replace("\": ", "\":");
  }
}
