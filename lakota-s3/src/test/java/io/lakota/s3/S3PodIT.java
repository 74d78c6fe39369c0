package io.lakota.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.Pod;
import io.lakota.storage.PodContractTest;
import io.lakota.storage.uri.Pods;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pod contract (SEMANTICS.md §7.1, §21.7 P-1 … P-11) on the S3 pod against S3Proxy. */
class S3PodIT extends PodContractTest {
  private static final AtomicInteger TESTS = new AtomicInteger();
  static S3TestServer server;
  static String bucket;

  @BeforeAll
  static void startServer() {
    server = S3TestServer.get();
    bucket = server.newBucket();
  }

  @Override
  protected Pod newPod() {
    // one bucket per class, one prefix per test: every test starts empty; opened as users open it
    return Pods.fromUri(server.uri(bucket, "repo" + TESTS.incrementAndGet()));
  }

  @Override
  protected String expectedKind() {
    return "S3POD";
  }

  @Override
  protected boolean listsEmptyFoldersAfterRm() {
    return false;
  }

  @Override
  protected boolean missingFolderIsNotFound() {
    return false;
  }

  @Test
  void opensThroughPodsFromUri() {
    assertThat(pod).isInstanceOf(S3Pod.class);
    assertThat(pod.toString()).isEqualTo("s3://" + server.host() + "/" + bucket + "/repo" + TESTS.get());
    assertThat(((S3Pod) pod).conditionalWrites()).isTrue();
  }
}
