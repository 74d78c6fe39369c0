package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link BadInputContract} on the memory backend. */
class BadInputMemoryTest extends BadInputContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
