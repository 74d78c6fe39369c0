package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link CollectionContract} on the S3 pod, against S3Proxy. */
class CollectionS3IT extends CollectionContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }
}
