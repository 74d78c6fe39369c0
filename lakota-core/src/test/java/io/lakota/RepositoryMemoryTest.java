package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link RepositoryContract} on the memory backend. */
class RepositoryMemoryTest extends RepositoryContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
