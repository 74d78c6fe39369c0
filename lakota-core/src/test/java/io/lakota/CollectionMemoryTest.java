package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link CollectionContract} on the memory backend. */
class CollectionMemoryTest extends CollectionContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
