package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link ModelContract} on the S3 pod, against S3Proxy: a short run (every operation is a few requests). */
class ModelS3IT extends ModelContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }

  @Override
  protected int operations() {
    return 60;
  }
}
