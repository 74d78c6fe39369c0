package io.lakota;

import io.lakota.s3.S3TestServer;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ConcurrencyContract} on an S3 pod opened with {@code conditional_write=false}, as on a server without
 * conditional writes: the pod reports no compare-and-set, writers fork and merge at once.
 */
class ConcurrencyPlainS3IT extends ConcurrencyContract {
  private static final AtomicInteger PODS = new AtomicInteger();
  private static String bucket;

  @Override
  protected Pod newPod(Path folder) {
    S3TestServer server = S3TestServer.get();
    synchronized (ConcurrencyPlainS3IT.class) {
      if (bucket == null) {
        bucket = server.newBucket();
      }
    }
    return Pods.fromUri(server.uri(bucket, "plain" + PODS.incrementAndGet()) + "&conditional_write=false");
  }

  @Override
  protected boolean isConditional() {
    return false;
  }
}
