package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.testing.PlainPod;
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
    Collection reader = fresh().collection("c");
    assertThat(reader.changelog().log()).hasSize(5);
    assertThat(reader.changelog().leafs()).hasSize(2);
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(0, 2, 3, 0);
    assertThat(reader.merge()).isEmpty();
  }
}
