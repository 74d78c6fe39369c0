package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link MergeContract} on the memory backend. */
class MergeMemoryTest extends MergeContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
