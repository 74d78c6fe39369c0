package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link BadInputContract} on the S3 pod, against S3Proxy. */
class BadInputS3IT extends BadInputContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }
}
