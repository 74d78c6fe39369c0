package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link ModelContract} on the memory backend: the large run. */
class ModelMemoryTest extends ModelContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }

  @Override
  protected int operations() {
    return 3000;
  }
}
