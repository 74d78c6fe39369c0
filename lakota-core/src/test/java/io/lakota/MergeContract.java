package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.id.RevisionName;
import io.lakota.storage.CommitResult;
import io.lakota.storage.Pod;
import io.lakota.version.Commit;
import io.lakota.version.CommitAttempt;
import io.lakota.version.CommitCodec;
import io.lakota.version.Merge;
import io.lakota.version.Revision;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Merge, SEMANTICS.md §13 and the merge cases of §21 (CO-7 … CO-10, BF-1, BF-4, BF-17, BF-25, R-3, R-5), and the
 * merge's own conditional commit.
 */
abstract class MergeContract extends ApiContract {

  static Set<String> digests(List<Revision> revisions) {
    return revisions.stream().map(Revision::childDigest).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("CO-7 merge of two root branches")
  void mergesTwoRoots() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(range(0, 10), drange(0, 10)));
    c.series("s").writer().root().write(tv(range(10, 20), drange(10, 20)));
    List<Revision> leaves = c.changelog().leafs();
    assertThat(leaves).hasSize(2);
    assertThat(leaves.get(0).child()).isNotEqualTo(leaves.get(1).child());
    assertThat(c.heads()).hasSize(2);
    List<Revision> merged = c.merge();
    assertThat(merged).hasSize(2);
    assertThat(merged.get(0).parent()).isEqualTo(leaves.get(0).child());
    assertThat(merged.get(1).parent()).isEqualTo(leaves.get(1).child());
    Collection fresh = fresh().collection("c");
    assertThat(fresh.changelog().leafs()).hasSize(2);
    assertThat(digests(fresh.changelog().leafs())).hasSize(1);
    assertThat(fresh.heads()).hasSize(1);
    assertThat(fresh.series("s").frame().doubles("value")).containsExactly(drange(0, 20));
    assertThat(fresh.merge()).isEmpty();
    assertThat(c.merge()).isEmpty();
  }

  @Test
  @DisplayName("CO-8 merge is a no-op on a linear history and on an empty collection")
  void linearHistory() {
    Collection c = repo.createCollection(S1, "c");
    assertThat(c.merge()).isEmpty();
    c.series("s").write(tv(range(0, 3), drange(0, 3)));
    c.series("s").write(tv(range(3, 6), drange(3, 6)));
    assertThat(c.merge()).isEmpty();
    assertThat(c.heads()).hasSize(1);
    assertThat(revisionFiles(c)).isEqualTo(2);
  }

  @Test
  @DisplayName("CO-9 concurrent merge of collections pulled from two repositories, twice")
  void concurrentMerge() throws InterruptedException {
    Pod podA = newPod(tmp.resolve("a"));
    Pod podB = newPod(tmp.resolve("b"));
    Collection a = new Repo(podA).createCollection(S2, "temperature");
    Collection b = new Repo(podB).createCollection(S2, "temperature");
    Collection c = repo.createCollection(S2, "temperature");
    a.series("s").frame();
    b.series("s").frame();
    a.series("s").write(cols("timestamp", longs(0, 1, 2), "value", doubles(0, 0, 0)));
    Thread.sleep(10);
    b.series("s").write(cols("timestamp", longs(1, 2, 3), "value", doubles(1, 1, 1)));
    c.pull(a);
    c.pull(b);
    assertThat(c.merge()).hasSize(2);
    assertThat(c.series("s").frame().doubles("value")).containsExactly(0, 1, 1, 1);

    b.series("s").write(cols("timestamp", longs(10, 11, 12), "value", doubles(10, 10, 10)));
    Thread.sleep(10);
    a.series("s").write(cols("timestamp", longs(11, 12, 13), "value", doubles(11, 11, 11)));
    c.pull(a);
    c.pull(b);
    assertThat(c.merge()).hasSize(4);
    Frame f = c.series("s").frame();
    assertThat(f.localDateTimes("timestamp")).containsExactly(second(0), second(1), second(2), second(3),
        second(10), second(11), second(12), second(13));
    assertThat(f.doubles("value")).containsExactly(0, 1, 1, 1, 10, 10, 10, 11);
    assertThat(c.heads()).hasSize(1);
    assertThat(c.merge()).isEmpty();
  }

  @Test
  @DisplayName("CO-10 / BF-4 merge keeps both branches' changes to a shared history")
  void keepsBothBranches() throws InterruptedException {
    Collection c = repo.createCollection(S1, "c");
    Revision r = c.series("s").write(tv(range(1, 11), new double[10])).get(0);
    Collection ha = fresh().collection("c");
    ha.series("s").frame();
    ha.series("s").write(tv(longs(5, 6), 5, 5));
    Thread.sleep(10);
    // hb, primed at R, commits a sibling of ha's revision; our writers no longer fork (they retry on the new head),
    // so the sibling is written the way a reference writer (or a stale handle before conditional commits) did
    Collection scratch = repo.createCollection(S1, "scratch");
    scratch.series("s").write(tv(longs(8, 9), 8, 8));
    Commit hb = c.commit(r).update(scratch.leafCommit().rows().get(0), scratch.leafCommit().embedded());
    c.changelog().commit(CommitCodec.encode(hb), List.of(r.child()));
    Collection reader = fresh().collection("c");
    assertThat(reader.heads()).hasSize(2);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(0, 0, 0, 0, 0, 0, 0, 8, 8, 0);
    assertThat(fresh().collection("c").merge()).hasSize(2);
    Frame f = fresh().collection("c").series("s").frame();
    assertThat(f.longs("timestamp")).containsExactly(range(1, 11));
    assertThat(f.doubles("value")).containsExactly(0, 0, 0, 0, 5, 5, 0, 8, 8, 0);
  }

  @Test
  @DisplayName("BF-1 rows closed on one side only are merged as they are")
  void mergesHalfOpenRows() throws InterruptedException {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1, 2, 3), 1, 1, 1));
    Thread.sleep(10); // the root branch must be the newer one (revision times are in milliseconds)
    c.series("s").writer().root().write(tv(longs(5, 6), 5, 5));
    c.series("s").write(tv(longs(6, 7), 6, 6));
    assertThat(c.leafCommit().rows()).extracting(row -> row.closed().letter()).containsExactly("l", "b");
    assertThat(c.merge()).hasSize(2);
    Frame f = fresh().collection("c").series("s").frame();
    assertThat(f.longs("timestamp")).containsExactly(1, 2, 3, 5, 6, 7);
    assertThat(f.doubles("value")).containsExactly(1, 1, 1, 5, 6, 6);
  }

  @Test
  @DisplayName("BF-17 a series holding the same data as another is not lost by the merge")
  void rowIdentityIncludesTheLabel() throws InterruptedException {
    Collection c = repo.createCollection(S1, "c");
    c.series("q").write(tv(longs(1, 2, 3), 1, 1, 1));
    Thread.sleep(10);
    c.series("p").writer().root().write(tv(longs(1, 2, 3), 1, 1, 1));
    c.merge();
    assertThat(fresh().collection("c").ls()).containsExactly("p", "q");
  }

  @Test
  @DisplayName("BF-25 a merge within one millisecond writes distinct child strings; the next write is visible")
  void mergeWithinOneMillisecond() {
    Clock frozen = Clock.fixed(Instant.ofEpochMilli(1795317983977L), ZoneOffset.UTC);
    Repo frozenRepo = new Repo(pod, frozen);
    Collection c = frozenRepo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1, 2, 3), 1, 1, 1));
    c.series("s").writer().root().write(tv(longs(5, 6), 5, 5));
    List<Revision> merged = c.merge();
    assertThat(merged).hasSize(2);
    assertThat(merged.get(0).child()).isNotEqualTo(merged.get(1).child());
    assertThat(c.series("s").write(tv(longs(9), 9))).hasSize(1);
    Frame f = new Repo(pod).collection("c").series("s").frame();
    assertThat(f.longs("timestamp")).containsExactly(1, 2, 3, 5, 6, 9);
    assertThat(f.doubles("value")).containsExactly(1, 1, 1, 5, 5, 9);
  }

  @Test
  @DisplayName("merge of given heads only, and of the registry after concurrent creations")
  void givenHeadsAndRegistry() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1), 1));
    c.series("s").writer().root().write(tv(longs(2), 2));
    c.series("s").writer().root().write(tv(longs(3), 3));
    List<Revision> leaves = c.changelog().leafs();
    assertThat(leaves).hasSize(3);
    assertThat(c.merge(List.of(leaves.get(0), leaves.get(2)))).hasSize(2);
    Collection fresh = fresh().collection("c");
    assertThat(fresh.heads()).hasSize(2);
    assertThat(fresh.merge()).hasSize(3);
    assertThat(fresh().collection("c").series("s").frame().longs("timestamp")).containsExactly(1, 2, 3);
    // registry: a creation committed on phi beside the existing registry branch
    Collection registry = repo.registry();
    Commit other = new Repo(newPod(tmp.resolve("other"))).createCollection(S1, "d").repo().registry().leafCommit();
    registry.changelog().commit(CommitCodec.encode(other), List.of(RevisionName.PHI));
    Repo r = fresh();
    assertThat(r.ls()).containsExactly("d");
    assertThat(r.merge()).hasSize(2);
    assertThat(fresh().ls()).containsExactly("c", "d");
  }

  @Test
  @DisplayName("a merge whose leaves moved before it committed writes nothing, and the next merge takes all in")
  void mergeNeverForksAgainstAConcurrentWriter() throws InterruptedException {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1), 1));
    Thread.sleep(2);
    c.series("s").writer().root().write(tv(longs(2), 2));
    Collection other = fresh().collection("c");
    boolean[] wrote = new boolean[1];
    c.refresh();
    CommitAttempt a = Merge.attempt(c.changelog(), rev -> {
      if (!wrote[0]) {
        wrote[0] = true; // a writer commits on the leaf while the merge is being computed
        other.series("s").write(tv(longs(3), 3));
      }
      return c.commit(rev);
    }, null);
    assertThat(a.result()).isEqualTo(CommitResult.LOCK_FAILURE);
    assertThat(revisionFiles(c)).isEqualTo(3);
    assertThat(c.merge()).hasSize(2);
    Collection reader = fresh().collection("c");
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.series("s").frame().longs("timestamp")).containsExactly(1, 2, 3);
  }

  @ParameterizedTest(name = "merge={0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("R-3 collections created three at a time are all retrievable, after a registry merge too")
  void createdThreeAtATime(boolean merge) {
    List<String> labels = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
    for (int i = 0; i < labels.size(); i += 3) {
      repo.createCollections(S1, labels.subList(i, Math.min(i + 3, labels.size())).toArray(new String[0]));
    }
    if (merge) {
      assertThat(repo.merge()).isEmpty();
    }
    Repo r = fresh();
    for (String l : labels) {
      assertThat(r.collection(l)).as(l).isNotNull();
      assertThat(r.collection(l).label()).isEqualTo(l);
    }
  }

  @ParameterizedTest(name = "merge={0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("R-5 a deleted then re-created collection has no series")
  void deleteAndRecreate(boolean merge) {
    repo.createCollection(S1, "test_coll").series("s").write(tv(longs(1, 2, 3), 1, 2, 3));
    repo.delete("test_coll");
    if (merge) {
      repo.merge();
    }
    assertThat(repo.createCollection(S1, "test_coll").ls()).isEmpty();
    assertThat(fresh().collection("test_coll").ls()).isEmpty();
  }

  static LocalDateTime second(int s) {
    return LocalDateTime.of(1970, 1, 1, 0, 0, s);
  }

  static long[] range(int from, int to) {
    long[] out = new long[to - from];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }

  static double[] drange(int from, int to) {
    double[] out = new double[to - from];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }
}
