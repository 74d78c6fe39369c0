package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link RepositoryContract} on the S3 pod, against S3Proxy. */
class RepositoryS3IT extends RepositoryContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }
}
