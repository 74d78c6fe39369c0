package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.testing.RefPod;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link ConcurrencyContract} on a pod that implements compare-and-set but says its backend lacks it (an S3 server
 * without conditional writes): the core never touches its refs and commits as on a plain pod, merging at once.
 */
class ConcurrencyRefUnsupportedTest extends ConcurrencyContract {
  @Override
  protected Pod newPod(Path folder) {
    return RefPod.unsupported(new MemoryPod());
  }

  @Override
  protected boolean isConditional() {
    return false;
  }

  @Test
  @DisplayName("supportsCompareAndSet() false: plain commits, no ref used")
  void refsAreNotUsed() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1), 1));
    c.series("s").write(tv(longs(2), 2));
    assertThat(c.changelog().isConditional()).isFalse();
    assertThat(c.changelog().log()).hasSize(2);
    assertThat(((RefPod) pod).refCount()).isZero(); // readRef/compareAndSet would have thrown
    assertThat(fresh().collection("c").series("s").frame().doubles("value")).containsExactly(1, 2);
  }
}
