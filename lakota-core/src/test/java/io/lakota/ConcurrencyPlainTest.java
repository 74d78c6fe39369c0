package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.id.Hextime;
import io.lakota.id.RevisionName;
import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.testing.PlainPod;
import io.lakota.testing.RaceHookPod;
import io.lakota.testing.SettableClock;
import io.lakota.version.CommitAttempt;
import io.lakota.version.Revision;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyContract} on a pod without any commit capability (writers merge at once). */
class ConcurrencyPlainTest extends ConcurrencyContract {
  @Override
  protected Pod newPod(Path folder) {
    return new PlainPod(new MemoryPod());
  }

  @Override
  protected boolean isConditional() {
    return false;
  }

  @Test
  @DisplayName("a writer that finds a sibling after committing merges at once")
  void siblingIsMergedAtOnce() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1, 2, 3, 4), 0, 0, 0, 0));
    Collection ha = fresh().collection("c");
    Collection hb = fresh().collection("c");
    // ha commits between hb's head check and hb's write: hb's revision is a sibling of ha's
    ((PlainPod) pod).beforeNextRevisionWrite(() -> ha.series("s").write(tv(longs(2), 2)));
    hb.series("s").write(tv(longs(3), 3));
    assertSiblingMerged();
  }

  @Test
  @DisplayName("a slow merger's late copy of older content, last in the traversal, is covered by the writer")
  void lateCopyOfOlderContentIsCovered() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1), 1));
    Revision first = c.changelog().leaf();
    c.series("s").write(tv(longs(2), 2));
    Revision second = c.changelog().leaf();
    String folder = c.path();
    // between the writer's head check and its write, a slow merger writes the second commit's content again on the
    // first, later in time: that copy sorts after the second's subtree, so it would be what readers read
    ((PlainPod) pod).beforeNextRevisionWrite(() -> pod.write(folder + "/" + first.child() + "."
        + RevisionName.part(Hextime.millis(second.epoch()) + 1, second.childDigest()),
        pod.read(folder + "/" + second.path())));
    fresh().collection("c").series("s").write(tv(longs(3), 3));
    Collection reader = fresh().collection("c");
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(1, 2, 3);
    assertThat(reader.merge()).isEmpty();
  }

  /** After a sibling of ha's write (ts 2) and hb's (ts 3) on the four-row head: merged once, both writes kept. */
  private void assertSiblingMerged() {
    Collection reader = fresh().collection("c");
    assertThat(reader.changelog().log()).hasSize(5);
    assertThat(reader.changelog().leafs()).hasSize(2);
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(0, 2, 3, 0);
    assertThat(reader.merge()).isEmpty();
  }

  @Test
  @DisplayName("a write that forks against a defrag: the defrag sorts before it, the merge keeps the write")
  void defragForkedByAWriter() {
    long t0 = 1_700_000_000_000L;
    Repo early = new Repo(pod, new SettableClock(t0));
    Collection c = early.createCollection(S1, "c");
    for (int i = 0; i < 6; i++) {
      c.series("s").write(tv(MaintenanceContract.range(i * 200, i * 200 + 200),
          MaintenanceContract.drange(i * 200, i * 200 + 200)));
    }
    // the writer's clock is a minute ahead of the head, the defragmenting process's clock two minutes
    Repo writer = new Repo(pod, new SettableClock(t0 + 60_000));
    Repo defragger = new Repo(pod, new SettableClock(t0 + 120_000));
    ((PlainPod) pod).beforeNextRevisionWrite(() -> writer.collection("c").series("s").write(tv(longs(500), 0.5)));
    assertThat(defragger.collection("c").defrag(1)).hasSize(1);
    Collection reader = fresh().collection("c");
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.merge()).isEmpty();
    double[] values = reader.series("s").frame().doubles("value");
    assertThat(values).hasSize(1200);
    assertThat(values[500]).isEqualTo(0.5);
    assertThat(values[499]).isEqualTo(499);
    assertThat(values[501]).isEqualTo(501);
  }

  @Test
  @DisplayName("a conditional batch commit that finds a sibling after committing merges at once")
  void batchSiblingIsMergedAtOnce() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1, 2, 3, 4), 0, 0, 0, 0));
    Collection ha = fresh().collection("c");
    Collection hb = fresh().collection("c");
    Revision head = hb.head();
    // ha commits between the batch's head check and its write: the batch's revision is a sibling of ha's
    ((PlainPod) pod).beforeNextRevisionWrite(() -> ha.series("s").write(tv(longs(2), 2)));
    CommitAttempt a;
    try (Batch batch = hb.multi()) {
      hb.series("s").write(tv(longs(3), 3));
      a = batch.commit(head);
    }
    assertThat(a.isCommitted()).isTrue();
    assertThat(a.revisions()).hasSize(1);
    assertSiblingMerged();
  }

  @Test
  @DisplayName("a writer merges only the forks that appeared since its head check, not older ones")
  void olderForksAreLeftAlone() {
    SettableClock clock = new SettableClock(1_700_000_000_000L);
    Collection c = new Repo(pod, clock).createCollection(S1, "c");
    c.series("s").write(tv(longs(1), 1));
    clock.advance(10); // the root branch is the newer one: the last in log order, where writes go
    c.series("s").writer().root().write(tv(longs(2), 2));
    assertThat(c.heads()).hasSize(2);
    clock.advance(10);
    new Repo(pod, clock).collection("c").series("s").write(tv(longs(3), 3));
    Collection reader = fresh().collection("c");
    assertThat(reader.changelog().log()).hasSize(3);
    assertThat(reader.heads()).hasSize(2);
    assertThat(reader.series("s").frame().longs("timestamp")).containsExactly(2, 3);
  }

  @Test
  @DisplayName("a merge at once whose common ancestor is trimmed away before it is read lists the folder again")
  void mergeAtOnceBesideATrim() {
    RaceHookPod hooks = new RaceHookPod(new MemoryPod());
    PlainPod plain = new PlainPod(hooks);
    Collection c = new Repo(plain).createCollection(S1, "c");
    Revision first = c.series("s").write(tv(longs(1, 2, 3, 4), 0, 0, 0, 0)).get(0);
    c.series("s").write(tv(longs(1), 1));
    Collection ha = new Repo(plain).collection("c");
    Collection hb = new Repo(plain).collection("c");
    hb.series("s").frame();
    // ha's sibling makes hb merge at once; the merge reads the first revision (a common ancestor) last, just after
    // a trim removed it
    plain.beforeNextRevisionWrite(() -> ha.series("s").write(tv(longs(2), 2)));
    hooks.beforeNextRead(first.path()::equals, () -> plain.cd(c.path()).rm(first.path(), false, false));
    assertThat(hb.series("s").write(tv(longs(3), 3))).hasSize(1);
    Collection reader = new Repo(plain).collection("c");
    assertThat(reader.changelog().log()).hasSize(5);
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(1, 2, 3, 0);
    assertThat(reader.merge()).isEmpty();
  }

  /**
   * A fork of collection "c" whose branches share the first revision: returns that revision. Each commit is 10 ms
   * after the previous one on the repository's clock, so two repositories built alike hold the same revisions.
   */
  private static Revision forkedOnFirst(io.lakota.storage.Pod pod) {
    SettableClock clock = new SettableClock(1_700_000_000_000L);
    Repo repo = new Repo(pod, clock);
    Collection c = repo.createCollection(S1, "c");
    clock.advance(10);
    Revision first = c.series("s").write(tv(longs(1, 2, 3, 4), 0, 0, 0, 0)).get(0);
    clock.advance(10);
    c.series("s").write(tv(longs(1), 1));
    clock.advance(10);
    c.series("s").write(tv(longs(2), 2));
    clock.advance(10);
    // the other branch: a commit computed in a twin collection (data files are shared by the repository)
    Collection twin = repo.createCollection(S1, "twin");
    clock.advance(10);
    twin.series("s").write(tv(longs(1, 2, 3, 4), 0, 0, 0, 0));
    clock.advance(10);
    Revision other = twin.series("s").write(tv(longs(3), 3)).get(0);
    clock.advance(10);
    c.changelog().commit(twin.changelog().read(other), java.util.List.of(first.child()));
    c.refresh();
    assertThat(c.heads()).hasSize(2);
    return first;
  }

  @Test
  @DisplayName("an explicit merge whose common ancestor is trimmed away meanwhile lists the folder again")
  void mergeBesideATrim() {
    MemoryPod expectedPod = new MemoryPod();
    Revision gone = forkedOnFirst(expectedPod);
    Collection expected = new Repo(expectedPod).collection("c");
    expectedPod.cd(expected.path()).rm(gone.path(), false, false);
    expected.refresh();
    assertThat(expected.merge()).isNotEmpty();

    RaceHookPod hooks = new RaceHookPod(new MemoryPod());
    Revision first = forkedOnFirst(hooks);
    Collection c = new Repo(hooks).collection("c");
    hooks.beforeNextRead(first.path()::equals, () -> hooks.cd(c.path()).rm(first.path(), false, false));
    assertThat(c.merge()).isNotEmpty();
    Collection reader = new Repo(hooks).collection("c");
    assertThat(reader.heads()).hasSize(1);
    // without their common ancestor the branches merge as two roots: the newer one (the twin's commit) wins
    assertThat(expected.series("s").frame().doubles("value")).containsExactly(0, 0, 3, 0);
    assertThat(reader.series("s").frame().longs("timestamp")).containsExactly(1, 2, 3, 4);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(0, 0, 3, 0);
    assertThat(reader.merge()).isEmpty();
  }
}
