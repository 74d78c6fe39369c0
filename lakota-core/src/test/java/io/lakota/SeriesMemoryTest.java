package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link SeriesContract} on the memory backend. */
class SeriesMemoryTest extends SeriesContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
