package io.lakota.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.id.Digests;
import io.lakota.id.RevisionName;
import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The log a changelog keeps after its own commits (extended in place, or reused for an unchanged listing) equals
 * the traversal of the folder by a fresh changelog, whatever the shape of the DAG.
 */
class LogSnapshotTest {
  private static byte[] payload(int i) {
    return ("payload " + i).getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> paths(List<Revision> log) {
    List<String> out = new ArrayList<>();
    for (Revision r : log) {
      out.add(r.path() + (r.isLeaf() ? "*" : ""));
    }
    return out;
  }

  @Test
  void cachedLogEqualsAFreshTraversalAfterRandomCommits() {
    for (int seed = 0; seed < 12; seed++) {
      Random random = new Random(seed);
      // a frozen clock: children of one millisecond collide on purpose, so repairs and bumped times happen
      Clock clock = Clock.fixed(Instant.ofEpochMilli(1795317983977L + seed), ZoneOffset.UTC);
      Pod pod = new MemoryPod();
      Changelog log = new Changelog(pod, clock);
      Changelog other = new Changelog(pod, clock);
      // mostly commits on the leaf, so that more than LogSnapshot.MAX_APPENDED appends happen in a row
      for (int i = 0; i < 200; i++) {
        int op = random.nextInt(i % 100 < 80 ? 60 : 10);
        List<Revision> current = log.log();
        if (op < 6 || op >= 10 || current.isEmpty()) {
          log.commit(payload(random.nextInt(40)), null); // on the leaf (or the same payload again: a no-op)
        } else if (op == 6) {
          log.commit(payload(random.nextInt(40)), List.of(RevisionName.PHI)); // a new root
        } else if (op == 7) {
          Revision any = current.get(random.nextInt(current.size()));
          log.commit(payload(random.nextInt(40)), List.of(any.child())); // a fork
        } else if (op == 8) {
          List<String> leaves = new ArrayList<>();
          for (Revision r : log.leafs()) {
            leaves.add(r.child());
          }
          log.commit(payload(random.nextInt(40)), leaves); // a merge on every leaf
        } else {
          other.refresh();
          other.commit(payload(100 + i), null); // another handle: the cached listing is stale
          log.refresh();
        }
        List<Revision> cached = log.log();
        List<Revision> fresh = new Changelog(pod, clock).log();
        assertThat(paths(cached)).as("seed %d step %d", seed, i).isEqualTo(paths(fresh));
      }
    }
  }

  @Test
  void appendExtendsOnlyACommitOnTheSoleLeaf() {
    Revision a = Revision.fromPath(RevisionName.PHI + "." + child(1, "a"));
    Revision b = new Revision(a.child(), child(2, "b"), false);
    Revision c = new Revision(a.child(), child(3, "c"), false);
    List<String> names = List.of(a.path());
    LogSnapshot one = LogSnapshot.of(names, List.of(new Revision(a.parent(), a.child(), true)), List.of(a));
    LogSnapshot two = one.append(b);
    assertThat(paths(two.log)).containsExactly(a.path(), b.path() + "*");
    assertThat(two.matches(List.of(b.path(), a.path()))).isTrue();
    assertThat(two.matches(List.of(a.path()))).isFalse();
    // c is built on a, which is no longer the leaf: a fork, which needs a full traversal
    assertThat(two.append(c)).isNull();
    // the file is already there
    assertThat(two.append(b)).isNull();
    // a second root on a non-empty log
    assertThat(one.append(new Revision(RevisionName.PHI, child(4, "d"), false))).isNull();
  }

  @Test
  void listingsMatchInAnyOrderAndOnlyWithTheSameNames() {
    Revision a = Revision.fromPath(RevisionName.PHI + "." + child(1, "a"));
    Revision b = new Revision(a.child(), child(2, "b"), false);
    Revision c = new Revision(b.child(), child(3, "c"), false);
    LogSnapshot one = LogSnapshot.of(List.of("README", a.path()), List.of(new Revision(a.parent(), a.child(), true)),
        List.of(a));
    LogSnapshot three = one.append(b).append(c);
    // the appended names anywhere among the last listing, in order (compared name by name), or in any order
    assertThat(three.matches(List.of(c.path(), "README", b.path(), a.path()))).isTrue();
    assertThat(three.matches(List.of(a.path(), b.path(), c.path(), "README"))).isTrue();
    assertThat(three.matches(List.of(b.path(), "README", c.path(), a.path()))).isTrue();
    // a name missing, replaced or extra
    assertThat(three.matches(List.of("README", a.path(), b.path()))).isFalse();
    assertThat(three.matches(List.of("README", a.path(), b.path(), "other"))).isFalse();
    assertThat(three.matches(List.of("README", a.path(), b.path(), c.path(), "other"))).isFalse();
    assertThat(one.matches(List.of("README", a.path()))).isTrue();
    assertThat(one.matches(List.of(a.path(), "README"))).isTrue();
  }

  private static String child(long millis, String word) {
    return RevisionName.part(1795317983977L + millis, Digests.sha1(word.getBytes(StandardCharsets.UTF_8)));
  }
}
