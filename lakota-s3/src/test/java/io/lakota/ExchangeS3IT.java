package io.lakota;

import io.lakota.storage.Pod;
import java.nio.file.Path;

/** {@link ExchangeContract} on the S3 pod, against S3Proxy. */
class ExchangeS3IT extends ExchangeContract {
  @Override
  protected Pod newPod(Path folder) {
    return S3Backend.newPod(getClass());
  }
}
