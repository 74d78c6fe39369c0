package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link FrameQueryContract} on the memory backend. */
class FrameQueryMemoryTest extends FrameQueryContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
