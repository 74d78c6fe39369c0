package io.lakota;

import io.lakota.s3.S3TestServer;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty S3 pods for the repository-level contract suites: one bucket per test class on the test server
 * (S3Proxy), one key prefix per test, opened from an {@code s3://host:port/bucket/prefix} URI as users open them.
 */
final class S3Backend {
  private static final AtomicInteger PODS = new AtomicInteger();
  private static final ClassValue<String> BUCKETS =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          return S3TestServer.get().newBucket();
        }
      };

  private S3Backend() {}

  /** A new pod under a new prefix of the bucket of {@code testClass}. */
  static Pod newPod(Class<?> testClass) {
    S3TestServer server = S3TestServer.get();
    return Pods.fromUri(server.uri(BUCKETS.get(testClass), "repo" + PODS.incrementAndGet()));
  }
}
