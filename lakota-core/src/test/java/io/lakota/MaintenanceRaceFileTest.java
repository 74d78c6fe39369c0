package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link MaintenanceRaceContract} on the file backend. */
class MaintenanceRaceFileTest extends MaintenanceRaceContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
