package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.CommitStateUnknownException;
import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.testing.RefPod;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link ConcurrencyContract} on a pod with compare-and-set on refs only (like S3 with conditional writes). */
class ConcurrencyRefTest extends ConcurrencyContract {
  @Override
  protected Pod newPod(Path folder) {
    return new RefPod(new MemoryPod());
  }

  @Override
  protected boolean isConditional() {
    return true;
  }

  @Test
  @DisplayName("a writer that dies after winning the compare-and-set: the next writer publishes its revision")
  void decidedCommitIsRolledForward() {
    RefPod refs = (RefPod) pod;
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1, 2), 1, 1));
    refs.failNextPublish(1);
    assertThatThrownBy(() -> c.series("s").write(tv(longs(3), 3)))
        .isInstanceOf(CommitStateUnknownException.class)
        .hasMessageContaining("Cannot publish the revision of a decided commit");
    assertThat(revisionFiles(c)).isEqualTo(1);
    // the next writer finds the decided commit in the ref, publishes it, and commits on top of it
    Collection other = fresh().collection("c");
    assertThat(other.series("s").write(tv(longs(4), 4))).hasSize(1);
    Collection reader = fresh().collection("c");
    assertThat(reader.changelog().log()).hasSize(3);
    assertThat(reader.changelog().leafs()).hasSize(1);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(1, 1, 3, 4);
    assertThat(pod.walk()).noneMatch(p -> p.endsWith("head"));
  }
}
