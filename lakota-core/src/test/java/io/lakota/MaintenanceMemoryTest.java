package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link MaintenanceContract} on the memory backend. */
class MaintenanceMemoryTest extends MaintenanceContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
