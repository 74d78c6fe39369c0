package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link MergeContract} on the S3 pod, against S3Proxy. */
class MergeS3IT extends MergeContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }
}
