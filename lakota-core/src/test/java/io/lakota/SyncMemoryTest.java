package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link SyncContract} on the memory backend. */
class SyncMemoryTest extends SyncContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
