package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link ConcurrencyContract} on the memory backend. */
class ConcurrencyMemoryTest extends ConcurrencyContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }

  @Override
  protected boolean isConditional() {
    return true;
  }
}
