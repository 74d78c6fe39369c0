package io.lakota.version;

import static io.lakota.version.ChangelogTest.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.CommitStateUnknownException;
import io.lakota.id.Digests;
import io.lakota.id.Hextime;
import io.lakota.id.RevisionName;
import io.lakota.storage.CommitResult;
import io.lakota.storage.Pod;
import io.lakota.storage.SupportsCompareAndSet;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.testing.ForwardingPod;
import io.lakota.testing.RefPod;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The roll-forward of {@link RefCommit}: decided commits are published, trimmed ones are not written back. */
class RefCommitTest {
  /** A compare-and-set pod whose next ref read returns an old version: a writer that read the ref, then stalled. */
  static final class StalledReader extends ForwardingPod implements SupportsCompareAndSet {
    private final RefPod refs;
    private Ref stale;

    StalledReader(RefPod refs) {
      super(refs);
      this.refs = refs;
    }

    @Override
    public Pod cd(String path) {
      throw new UnsupportedOperationException("one folder only");
    }

    @Override
    public Ref readRef(String name) {
      Ref r = stale;
      stale = null;
      return r != null ? r : refs.readRef(name);
    }

    @Override
    public CommitResult compareAndSet(String name, String expectedVersion, byte[] update) {
      return refs.compareAndSet(name, expectedVersion, update);
    }
  }

  @Test
  void aStalledWriterDoesNotWriteATrimmedRevisionBack() {
    RefPod refs = new RefPod(new MemoryPod());
    Changelog writer = new Changelog(refs, Clock.systemUTC());
    Revision root = writer.commitIf(payload("ham"), null).revisions().get(0);
    SupportsCompareAndSet.Ref first = refs.readRef(RefCommit.REF);
    Revision second = writer.commitIf(payload("spam"), root).revisions().get(0);
    refs.rm(root.path()); // a trim keeps only the leaf
    StalledReader stalled = new StalledReader(refs);
    stalled.stale = first;
    Changelog late = new Changelog(stalled, Clock.systemUTC());
    CommitAttempt attempt = late.commitIf(payload("foo"), second);
    assertThat(attempt.result()).isEqualTo(CommitResult.LOCK_FAILURE);
    assertThat(refs.ls()).containsExactly(second.path());
    // the next attempt reads the current ref and commits on the leaf
    assertThat(late.commitIf(payload("foo"), second).isCommitted()).isTrue();
    assertThat(new Changelog(refs, Clock.systemUTC()).leafs()).hasSize(1);
  }

  @Test
  void aDecidedRootCommitWhoseWriterDiedIsRolledForward() {
    RefPod refs = new RefPod(new MemoryPod());
    refs.failNextPublish(1);
    Changelog dead = new Changelog(refs, Clock.systemUTC());
    // decided, not published
    assertThatThrownBy(() -> dead.commitIf(payload("ham"), null)).isInstanceOf(CommitStateUnknownException.class);
    assertThat(refs.ls()).isEmpty();
    Changelog next = new Changelog(refs, Clock.systemUTC());
    assertThat(next.leaf()).isNull();
    // the next writer publishes the decided root commit, then commits on it (its expectation is checked after the
    // roll-forward: it expected an empty folder, so it loses this attempt and wins the next on the new leaf)
    assertThat(next.commitIf(payload("spam"), null).result()).isEqualTo(CommitResult.LOCK_FAILURE);
    assertThat(refs.ls()).hasSize(1);
    Revision rolled = Revision.fromPath(refs.ls().get(0));
    assertThat(rolled.parent()).isEqualTo(RevisionName.PHI);
    assertThat(rolled.childDigest()).isEqualTo(Digests.sha1(payload("ham")));
    assertThat(next.commitIf(payload("spam"), rolled).isCommitted()).isTrue();
    assertThat(new Changelog(refs, Clock.systemUTC()).leafs()).hasSize(1);
  }

  @Test
  void aDecidedCommitWithARepairIsRolledForwardWhole() {
    RefPod refs = new RefPod(new MemoryPod());
    Changelog writer = new Changelog(refs, Clock.systemUTC());
    Revision a = writer.commitIf(payload("ham"), null).revisions().get(0);
    // a reference merge in one millisecond: one child string under the root and under a
    String shared = RevisionName.part(Hextime.millis(a.epoch()) + 1, Digests.sha1(payload("foo")));
    refs.write(RevisionName.PHI + "." + shared, payload("foo"));
    refs.write(a.child() + "." + shared, payload("foo"));
    Changelog dead = new Changelog(refs, Clock.systemUTC());
    Revision leaf = dead.leaf();
    assertThat(leaf.child()).isEqualTo(shared);
    refs.failNextPublish(1);
    // decided (a repair revision and the revision on it), not published
    assertThatThrownBy(() -> dead.commitIf(payload("spam"), leaf)).isInstanceOf(CommitStateUnknownException.class);
    assertThat(refs.ls()).hasSize(3);
    Changelog next = new Changelog(refs, Clock.systemUTC());
    assertThat(next.commitIf(payload("bar"), leaf).result()).isEqualTo(CommitResult.LOCK_FAILURE);
    // both files of the decided commit were published: the repair, then the revision built on it
    assertThat(refs.ls()).hasSize(5);
    Changelog reader = new Changelog(refs, Clock.systemUTC());
    Revision top = reader.leaf();
    assertThat(top.childDigest()).isEqualTo(Digests.sha1(payload("spam")));
    assertThat(reader.read(top)).isEqualTo(payload("spam"));
    assertThat(refs.isFile(top.path())).isTrue();
    assertThat(reader.log()).anySatisfy(r -> assertThat(r.child()).isEqualTo(top.parent()));
  }
}
