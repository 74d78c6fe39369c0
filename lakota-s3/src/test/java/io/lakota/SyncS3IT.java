package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link SyncContract} on the S3 pod, against S3Proxy. */
class SyncS3IT extends SyncContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }
}
