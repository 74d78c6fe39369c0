package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link MaintenanceContract} on the S3 pod, against S3Proxy. */
class MaintenanceS3IT extends MaintenanceContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }
}
