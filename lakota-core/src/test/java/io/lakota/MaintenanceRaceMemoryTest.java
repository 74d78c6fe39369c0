package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link MaintenanceRaceContract} on the memory backend. */
class MaintenanceRaceMemoryTest extends MaintenanceRaceContract {
  @Override
  protected Pod newPod(Path folder) {
    return memory(folder);
  }
}
