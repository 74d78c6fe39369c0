package io.lakota.s3;

import io.lakota.storage.CachePod;
import io.lakota.storage.Pod;
import io.lakota.storage.PodContractTest;
import io.lakota.storage.uri.Pods;
import io.lakota.storage.memory.MemoryPod;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;

/** The pod contract on {@code memory+s3} (SEMANTICS.md §21 {@code [pods]}): a memory cache in front of S3Proxy. */
class S3CachePodIT extends PodContractTest {
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
    return new CachePod(new MemoryPod(), Pods.fromUri(server.uri(bucket, "cached" + TESTS.incrementAndGet())));
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

  @Override
  protected boolean recordsMetricsUnderKind() {
    return false;
  }

  @Override
  protected boolean readReturnsWinningWrite() {
    return false;
  }
}
