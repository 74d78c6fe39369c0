package io.lakota.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.IntegrityException;
import io.lakota.id.Digests;
import io.lakota.id.Hextime;
import io.lakota.id.RevisionName;
import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.testing.Backends;
import io.lakota.testing.PlainPod;
import io.lakota.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Changelog traversal, commits and integrity checks: SEMANTICS.md §21.3 and F-10. */
class ChangelogTest {
  static final List<String> WORDS = List.of("ham", "spam", "foo", "bar", "baz");
  @TempDir Path tmp;

  static byte[] payload(String word) {
    String d = Digests.sha1(word.getBytes(StandardCharsets.UTF_8));
    return (d + " 1234 Doe").getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lakota.testing.Backends#all")
  void aLongRunningWriterKeepsABoundedNumberOfPayloads(String name, Backends.Factory backend) {
    Pod pod = backend.apply(tmp).cd("log");
    Changelog log = new Changelog(pod, Clock.systemUTC());
    for (int i = 0; i < 300; i++) {
      log.commit(payload("w" + i), null);
      assertThat(log.cachedPayloads()).isBetween(1, 64);
    }
    // every revision still reads back, from the cache or the pod
    List<Revision> revs = log.log();
    assertThat(revs).hasSize(300);
    assertThat(new String(log.read(revs.get(0)), StandardCharsets.UTF_8))
        .startsWith(Digests.sha1("w0".getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lakota.testing.Backends#all")
  void sequentialCommitsAreLoggedInOrder(String name, Backends.Factory backend) {
    Pod pod = backend.apply(tmp).cd("log");
    Changelog log = new Changelog(pod, Clock.systemUTC());
    for (String w : WORDS) {
      log.commit(payload(w), null);
    }
    assertThat(pod.ls()).hasSize(5);
    List<Revision> revs = log.log();
    assertThat(revs).hasSize(5);
    for (int i = 0; i < 5; i++) {
      String expected = Digests.sha1(WORDS.get(i).getBytes(StandardCharsets.UTF_8));
      assertThat(new String(log.read(revs.get(i)), StandardCharsets.UTF_8)).startsWith(expected);
      assertThat(revs.get(i).isLeaf()).isEqualTo(i == 4);
    }
    assertThat(revs.get(0).parent()).isEqualTo(RevisionName.PHI);
    for (int i = 1; i < 5; i++) {
      assertThat(revs.get(i).parent()).isEqualTo(revs.get(i - 1).child());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lakota.testing.Backends#all")
  void aRootCommitIsNewerThanAChainThatRanAheadOfTheClock(String name, Backends.Factory backend) {
    Pod pod = backend.apply(tmp).cd("log");
    SettableClock clock = new SettableClock(1_700_000_000_000L);
    Changelog log = new Changelog(pod, clock);
    for (String w : WORDS) {
      log.commit(payload(w), null); // one frozen millisecond: the chain's times run 4 ms ahead of the clock
    }
    Revision root = log.commit(payload("root"), List.of(RevisionName.PHI)).get(0);
    assertThat(root.parent()).isEqualTo(RevisionName.PHI);
    assertThat(RevisionName.epoch(root.child())).isEqualTo(io.lakota.id.Hextime.of(1_700_000_000_005L));
    log.refresh();
    assertThat(log.leafs()).hasSize(2);
    assertThat(log.leaf().path()).isEqualTo(root.path());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lakota.testing.Backends#all")
  void concurrentCommitsAreAllRecoverable(String name, Backends.Factory backend) throws Exception {
    Pod pod = backend.apply(tmp).cd("log");
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String w : WORDS) {
        futures.add(pool.submit(() -> {
          Changelog own = new Changelog(pod, Clock.systemUTC());
          try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(20));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          own.commit(payload(w), null);
        }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    Changelog log = new Changelog(pod, Clock.systemUTC());
    assertThat(pod.ls()).hasSize(5);
    List<String> found = new ArrayList<>();
    for (Revision r : log.log()) {
      found.add(new String(log.read(r), StandardCharsets.UTF_8));
    }
    List<String> expected = new ArrayList<>();
    for (String w : WORDS) {
      expected.add(new String(payload(w), StandardCharsets.UTF_8));
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void lastCreatedBranchWins() throws InterruptedException {
    Pod pod = new MemoryPod();
    Changelog many = new Changelog(pod.cd("many"), Clock.systemUTC());
    for (String w : WORDS) {
      many.commit(payload(w), List.of(RevisionName.PHI));
    }
    assertThat(many.leafs()).hasSize(5);

    Changelog log = new Changelog(pod.cd("log"), Clock.systemUTC());
    log.commit(payload("ham"), null);
    List<Revision> spam = log.commit(payload("spam"), null);
    Thread.sleep(10);
    List<Revision> foo = log.commit(payload("foo"), List.of(RevisionName.PHI));
    List<Revision> bar = log.commit(payload("bar"), List.of(foo.get(0).child()));
    List<Revision> leafs = log.leafs();
    assertThat(leafs).extracting(Revision::path).containsExactly(spam.get(0).path(), bar.get(0).path());
    assertThat(log.read(log.leaf())).isEqualTo(payload("bar"));
  }

  @Test
  void onePayloadOnTwoParentsGetsDistinctChildren() {
    Clock frozen = Clock.fixed(Instant.ofEpochMilli(1795317983977L), ZoneOffset.UTC);
    Pod pod = new MemoryPod();
    Changelog log = new Changelog(pod, frozen);
    Revision a = log.commit(payload("ham"), List.of(RevisionName.PHI)).get(0);
    Revision b = log.commit(payload("spam"), List.of(RevisionName.PHI)).get(0);
    assertThat(a.epoch()).isEqualTo("1a2014a6ae9");
    // a root commit comes after every revision already there, whatever the clock says
    assertThat(b.epoch()).isEqualTo("1a2014a6aea");
    List<Revision> merged = log.commit(payload("foo"), List.of(a.child(), b.child()));
    assertThat(merged).hasSize(2);
    // commit times strictly increase along a chain (LOADCURVE.md CC5) and children get distinct times
    assertThat(merged.get(0).epoch()).isEqualTo("1a2014a6aea");
    assertThat(merged.get(1).epoch()).isEqualTo("1a2014a6aeb");
    assertThat(merged.get(0).child()).isNotEqualTo(merged.get(1).child());
    // the same child string is never reused, even by a later call in the same millisecond
    List<Revision> again = log.commit(payload("foo"), List.of(RevisionName.PHI, a.child()));
    assertThat(again).extracting(Revision::epoch).containsExactly("1a2014a6aec", "1a2014a6aed");
  }

  @Test
  void concurrentMergersOfTheSameLeavesOnAPlainPodWriteTheSameFiles() {
    Pod pod = new PlainPod(new MemoryPod());
    long second = 1795317983000L;
    Changelog setup = new Changelog(pod, Clock.fixed(Instant.ofEpochMilli(second - 5000), ZoneOffset.UTC));
    List<String> leaves = new ArrayList<>();
    for (String w : List.of("ham", "spam", "foo")) {
      leaves.add(setup.commit(payload(w), List.of(RevisionName.PHI)).get(0).child());
    }
    List<String> listing = pod.ls();
    // two mergers list the same folder, then plan the same merge one millisecond apart (and one later in the
    // second): before, their child strings overlapped on different parents (t, t+1, t+2 against t+1, t+2, t+3)
    Set<String> files = null;
    for (long at : new long[] {second + 100, second + 101, second + 999}) {
      Changelog merger = new Changelog(pod, Clock.fixed(Instant.ofEpochMilli(at), ZoneOffset.UTC));
      byte[] bar = payload("bar");
      Set<String> planned = merger.plan(listing, bar, Digests.sha1(bar), leaves).files.keySet();
      assertThat(planned).hasSize(3);
      if (files == null) {
        files = planned;
      }
      assertThat(planned).isEqualTo(files);
    }
    // child times start at the second of the clock, after every listed revision, and stay distinct
    assertThat(files).extracting(f -> f.substring(f.indexOf('.') + 1, f.indexOf('.') + 12)).containsExactlyInAnyOrder(
        Hextime.of(second), Hextime.of(second + 1), Hextime.of(second + 2));
    // on a pod that excludes concurrent writers, a merge still starts at its own millisecond
    Changelog locked = new Changelog(new MemoryPod(), Clock.fixed(Instant.ofEpochMilli(second + 100),
        ZoneOffset.UTC));
    byte[] bar = payload("bar");
    assertThat(locked.plan(listing, bar, Digests.sha1(bar), leaves).written).extracting(Revision::epoch)
        .containsExactly(Hextime.of(second + 100), Hextime.of(second + 101), Hextime.of(second + 102));
  }

  @Test
  void concurrentRepairersOfASharedChildOnAPlainPodWriteTheSameRepair() {
    Pod pod = new PlainPod(new MemoryPod());
    long second = 1795317983000L;
    Changelog setup = new Changelog(pod, Clock.fixed(Instant.ofEpochMilli(second - 5000), ZoneOffset.UTC));
    String a = setup.commit(payload("ham"), List.of(RevisionName.PHI)).get(0).child();
    String b = setup.commit(payload("spam"), List.of(RevisionName.PHI)).get(0).child();
    // a merge written by the reference in one millisecond: one child string under both roots
    String shared = RevisionName.part(second - 4000, Digests.sha1(payload("foo")));
    pod.write(a + "." + shared, payload("foo"));
    pod.write(b + "." + shared, payload("foo"));
    List<String> listing = pod.ls();
    Set<String> repairs = new HashSet<>();
    for (long at : new long[] {second + 10, second + 11, second + 500}) {
      Changelog writer = new Changelog(pod, Clock.fixed(Instant.ofEpochMilli(at), ZoneOffset.UTC));
      Changelog.Plan plan = writer.plan(listing, payload("w" + at), Digests.sha1(payload("w" + at)), List.of());
      assertThat(plan.files).hasSize(2);
      Revision written = plan.written.get(0);
      assertThat(written.epoch()).isEqualTo(Hextime.of(at));
      for (String f : plan.files.keySet()) {
        if (!f.equals(written.path())) {
          repairs.add(f);
          assertThat(written.parent()).isEqualTo(Revision.fromPath(f).child());
        }
      }
    }
    // every writer repairs the shared child with the same file: after every listed revision, at the second
    assertThat(repairs).containsExactly(b + "." + RevisionName.part(second, Digests.sha1(payload("foo"))));
  }

  @Test
  void doubleWriteIsANoOp() {
    Changelog log = new Changelog(new MemoryPod(), Clock.systemUTC());
    log.commit(payload("ham"), null);
    assertThat(log.commit(payload("ham"), null)).isEmpty();
    assertThat(log.log()).hasSize(1);
  }

  @Test
  void ignoresNamesThatAreNotRevisions() {
    Pod pod = new MemoryPod();
    Changelog log = new Changelog(pod, Clock.systemUTC());
    log.commit(payload("ham"), null);
    pod.write("README", new byte[] {1});
    pod.write("a.b", new byte[] {1});
    assertThat(new Changelog(pod, Clock.systemUTC()).log()).hasSize(1);
  }

  @Test
  void revisionWhoseContentDoesNotMatchItsNameFailsAfterRetries() {
    Pod pod = new MemoryPod();
    Changelog log = new Changelog(pod, Clock.systemUTC());
    Revision r = log.commit(payload("ham"), null).get(0);
    pod.write(r.path(), "tampered".getBytes(StandardCharsets.UTF_8), true);
    Changelog fresh = new Changelog(pod, Clock.systemUTC());
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> fresh.read(fresh.leaf()))
        .isInstanceOf(IntegrityException.class)
        .hasMessage("Unable to read " + r.path());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ms).isBetween(950L, 5000L);
  }

  @Test
  void revisionCompletedDuringTheRetriesIsRead() throws Exception {
    Pod pod = new MemoryPod();
    Changelog log = new Changelog(pod, Clock.systemUTC());
    Revision r = log.commit(payload("ham"), null).get(0);
    pod.write(r.path(), "partial".getBytes(StandardCharsets.UTF_8), true);
    Changelog fresh = new Changelog(pod, Clock.systemUTC());
    Thread fixer = new Thread(() -> {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
      pod.write(r.path(), payload("ham"), true);
    });
    fixer.start();
    assertThat(fresh.read(fresh.leaf())).isEqualTo(payload("ham"));
    fixer.join();
  }
}
