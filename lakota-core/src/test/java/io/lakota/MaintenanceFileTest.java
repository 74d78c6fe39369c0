package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link MaintenanceContract} on the file backend. */
class MaintenanceFileTest extends MaintenanceContract {
  @Override
  protected Pod newPod(Path folder) {
    return file(folder);
  }
}
