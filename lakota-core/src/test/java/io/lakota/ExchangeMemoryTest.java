package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link ExchangeContract} on the memory backend. */
class ExchangeMemoryTest extends ExchangeContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
