package io.lakota;

import io.lakota.format.Schema;
import io.lakota.storage.Pod;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.memory.MemoryPod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the repository-level contract suites (SEMANTICS.md §21): each suite is an abstract subclass run once per
 * backend by a concrete {@code …MemoryTest} / {@code …FileTest} class, which only says how to make a fresh pod.
 */
abstract class ApiContract {
  /** SEMANTICS.md §21 {@code S1}: {@code timestamp: "int*", value: "float"}. */
  static final Schema S1 = Schema.parse("timestamp int*", "value float");
  /** SEMANTICS.md §21 {@code S2}: {@code timestamp: "timestamp*", value: "float"}. */
  static final Schema S2 = Schema.parse("timestamp timestamp*", "value float");

  @TempDir Path tmp;
  Pod pod;
  Repo repo;

  /** A new, empty pod in (or beside) the test's temporary folder. */
  protected abstract Pod newPod(Path folder);

  @BeforeEach
  void openRepository() {
    pod = newPod(tmp);
    repo = new Repo(pod);
  }

  /** A new repository handle on the same pod (nothing cached). */
  Repo fresh() {
    return new Repo(pod);
  }

  /** An ordered column map from alternating names and values. */
  static Map<String, Object> cols(Object... nameValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      m.put((String) nameValues[i], nameValues[i + 1]);
    }
    return m;
  }

  /** {@code timestamp}/{@code value} columns of an S1 or S2 frame. */
  static Map<String, Object> tv(long[] timestamps, double... values) {
    return cols("timestamp", timestamps, "value", values);
  }

  static long[] longs(long... v) {
    return v;
  }

  /** The files of the pod, sorted: what "the repository is unchanged" compares. */
  List<String> files() {
    List<String> all = new ArrayList<>(pod.walk());
    all.sort(null);
    return all;
  }

  /** The number of revision files in a collection's changelog folder. */
  int revisionFiles(Collection c) {
    return pod.ls(c.path(), true).size();
  }

  static double[] doubles(double... v) {
    return v;
  }

  static String text(long[] a) {
    return Arrays.toString(a);
  }

  /** Memory backend. */
  static Pod memory(Path folder) {
    return new MemoryPod();
  }

  /** File backend: a folder inside the temporary folder. */
  static Pod file(Path folder) {
    return new FilePod(folder.resolve("repo"));
  }
}
