package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link SeriesContract} on the S3 pod, against S3Proxy. */
class SeriesS3IT extends SeriesContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }
}
