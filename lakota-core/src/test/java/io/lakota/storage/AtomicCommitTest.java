package io.lakota.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.testing.Backends;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link SupportsAtomicCommit} capability of the pods that have it (memory, file). */
class AtomicCommitTest {
  @TempDir Path tmp;

  static Map<String, byte[]> one(String name, String content) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(name, content.getBytes());
    return files;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lakota.testing.Backends#all")
  void plansFromTheListingAndWritesOnlyWhenThePlanSaysSo(String name, Backends.Factory factory) {
    Pod root = factory.apply(tmp);
    SupportsAtomicCommit pod = (SupportsAtomicCommit) root.cd("aa/bb/cc");
    List<List<String>> seen = new ArrayList<>();
    assertThat(pod.commitIf(".", listing -> {
      seen.add(listing);
      return null;
    })).isEqualTo(CommitResult.LOCK_FAILURE);
    assertThat(pod.ls(".", true)).isEmpty();
    assertThat(pod.commitIf(".", listing -> one("x", "1"))).isEqualTo(CommitResult.COMMITTED);
    assertThat(pod.commitIf(".", listing -> {
      seen.add(listing);
      return one("y", "2");
    })).isEqualTo(CommitResult.COMMITTED);
    assertThat(seen).containsExactly(List.of(), List.of("x"));
    assertThat(pod.read("y")).isEqualTo("2".getBytes());
    // the lock leaves no trace a listing or a walk would show
    List<String> all = new ArrayList<>(root.walk());
    all.sort(null);
    assertThat(all).containsExactly("aa/bb/cc/x", "aa/bb/cc/y");
    assertThat(root.ls()).containsExactly("aa");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lakota.testing.Backends#all")
  void holdersOfOneFolderExcludeEachOther(String name, Backends.Factory factory) throws Exception {
    Pod base = factory.apply(tmp);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<CommitResult>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        // pods derived separately share the lock of one folder; another folder's lock is independent
        SupportsAtomicCommit pod = (SupportsAtomicCommit) base.cd("f");
        SupportsAtomicCommit elsewhere = (SupportsAtomicCommit) base.cd("g");
        results.add(pool.submit(() -> {
          start.await();
          elsewhere.commitIf(".", listing -> {
            other.incrementAndGet();
            return one("g" + n, "x");
          });
          return pod.commitIf(".", listing -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
              Thread.sleep(2);
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            // the plan sees every file committed before it took the lock
            Map<String, byte[]> files = one("n" + listing.size(), "x");
            inside.decrementAndGet();
            return files;
          });
        }));
      }
      start.countDown();
      for (Future<CommitResult> f : results) {
        assertThat(f.get()).isEqualTo(CommitResult.COMMITTED);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(most.get()).isEqualTo(1);
    assertThat(other.get()).isEqualTo(8);
    List<String> names = new ArrayList<>(base.ls("f", false));
    names.sort(null);
    assertThat(names).containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lakota.testing.Backends#all")
  void contentsKnownAheadAreWrittenWhereThePlanSaysAndNowhereElse(String name, Backends.Factory factory)
      throws Exception {
    Pod root = factory.apply(tmp);
    SupportsAtomicCommit pod = (SupportsAtomicCommit) root.cd("c");
    byte[] payload = "payload".getBytes();
    byte[] other = "other".getBytes();
    // nothing written when the plan declines
    assertThat(pod.commitIf(".", List.of(payload), listing -> null)).isEqualTo(CommitResult.LOCK_FAILURE);
    assertThat(pod.ls(".", true)).isEmpty();
    // one content under two names (a merge), one the plan did not announce, one announced but not used
    assertThat(pod.commitIf(".", List.of(payload, payload, "unused".getBytes()), listing -> {
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put("p1", payload);
      files.put("p2", payload);
      files.put("o", other);
      return files;
    })).isEqualTo(CommitResult.COMMITTED);
    List<String> names = new ArrayList<>(pod.ls(".", false));
    names.sort(null);
    assertThat(names).containsExactly("o", "p1", "p2");
    assertThat(pod.read("p1")).isEqualTo(payload);
    assertThat(pod.read("p2")).isEqualTo(payload);
    assertThat(pod.read("o")).isEqualTo(other);
    // write-once: an existing name keeps its content
    assertThat(pod.commitIf(".", List.of(other), listing -> one("p1", "zzz"))).isEqualTo(CommitResult.COMMITTED);
    assertThat(pod.read("p1")).isEqualTo(payload);
    // no temporary file is left behind
    List<String> all = new ArrayList<>(root.walk());
    all.sort(null);
    assertThat(all).containsExactly("c/o", "c/p1", "c/p2");
    if (name.equals("file")) {
      try (var entries = java.nio.file.Files.list(tmp.resolve("repo/.lakota-tmp"))) {
        assertThat(entries.map(p -> p.getFileName().toString())).containsOnly("locks");
      }
    }
  }
}
