package io.lakota.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.StorageException;
import io.lakota.id.Digests;
import io.lakota.storage.CommitResult;
import io.lakota.storage.Pod;
import io.lakota.storage.PodContractTest;
import io.lakota.storage.SupportsCompareAndSet.Ref;
import io.lakota.storage.uri.Pods;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The pod contract (SEMANTICS.md §7.1, §21.7 P-1 … P-11) on the S3 pod against S3Proxy, and its compare-and-set
 * refs (skipped, saying so, on a server that does not honour {@code If-None-Match}).
 */
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

  private S3Pod refPod() {
    S3Pod s3 = (S3Pod) pod;
    Assumptions.assumeTrue(s3.supportsCompareAndSet(), "skipped: unsupported (the server ignores If-None-Match)");
    return s3;
  }

  /** The keys of the pod's prefix as the bucket holds them, relative to the prefix. */
  private List<String> storedKeys() {
    String prefix = ((S3Pod) pod).prefix() + "/";
    List<String> keys = new ArrayList<>();
    for (S3Object o : server.admin().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
      keys.add(o.key().substring(prefix.length()));
    }
    return keys;
  }

  private static String refFolder(String name) {
    String d = Digests.sha1(bytes(name));
    return ".lakota-tmp/refs/" + d.substring(0, 2) + "/" + d.substring(2, 4) + "/" + d.substring(4) + "/";
  }

  @Test
  void theProbeFindsConditionalWritesOnS3ProxyAndTheUriCanTurnThemOff() {
    assertThat(((S3Pod) pod).supportsCompareAndSet()).isTrue(); // S3Proxy 4.1.0 creates with If-None-Match atomically
    S3Pod plain = (S3Pod) Pods.fromUri(server.uri(bucket, "plain" + TESTS.get()) + "&conditional_write=false");
    assertThat(plain.supportsCompareAndSet()).isFalse();
    assertThat(new io.lakota.version.Changelog(plain.cd("c"), java.time.Clock.systemUTC()).isConditional()).isFalse();
    assertThatThrownBy(() -> plain.compareAndSet("c/head", null, bytes("x")))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot update ref c/head: " + plain + " does not honour conditional writes (If-None-Match)");
    assertThat(plain.readRef("c/head")).isNull();
  }

  @Test
  void refsAreCreatedOnceThenUpdatedFromTheVersionRead() {
    S3Pod s3 = refPod();
    Pod folder = s3.cd("aa/bb/cccc");
    S3Pod refs = (S3Pod) folder;
    assertThat(refs.readRef("head")).isNull();
    assertThat(refs.compareAndSet("head", null, bytes("one"))).isEqualTo(CommitResult.COMMITTED);
    Ref first = refs.readRef("head");
    assertThat(first.value()).isEqualTo(bytes("one"));
    assertThat(first.version()).isEqualTo("1:" + Digests.sha1(bytes("-\none")));
    assertThat(refs.compareAndSet("head", null, bytes("two"))).isEqualTo(CommitResult.LOCK_FAILURE);
    assertThat(refs.compareAndSet("head", first.version(), bytes("two"))).isEqualTo(CommitResult.COMMITTED);
    assertThat(refs.compareAndSet("head", first.version(), bytes("three"))).isEqualTo(CommitResult.LOCK_FAILURE);
    Ref second = s3.readRef("aa/bb/cccc/head"); // the same ref, named from the root
    assertThat(second.value()).isEqualTo(bytes("two"));
    assertThat(second.version()).startsWith("2:");
    assertThat(s3.readRef("aa/bb/cccc/other")).isNull();
    assertThatThrownBy(() -> refs.compareAndSet("head", "x", bytes("y")))
        .isInstanceOf(io.lakota.errors.ValidationException.class)
        .hasMessage("Cannot update ref aa/bb/cccc/head: \"x\" is not a version of an S3 ref");
  }

  @Test
  void refsAreInvisibleToListingsAndTheirFolderIsReserved() {
    S3Pod s3 = refPod();
    s3.write("aa/bb/file", bytes("data"));
    assertThat(((S3Pod) s3.cd("aa/bb")).compareAndSet("head", null, bytes("v"))).isEqualTo(CommitResult.COMMITTED);
    assertThat(s3.ls()).containsExactly("aa");
    assertThat(s3.ls("aa/bb", false)).containsExactly("file");
    assertThat(s3.walk()).containsExactly("aa/bb/file");
    assertThat(s3.cd("aa").walk()).containsExactly("bb/file");
    // depth 6 below the root: beyond the two levels the reference's gc walks below each top-level folder
    assertThat(storedKeys()).containsExactly(refFolder("aa/bb/head") + "0000000000000000001", "aa/bb/file");
    assertThatThrownBy(() -> s3.write(".lakota-tmp/x", bytes("x")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessageContaining("is reserved for the refs of conditional commits");
    assertThatThrownBy(() -> s3.ls(".lakota-tmp/refs", true)).isInstanceOf(InvalidPathException.class);
  }

  @Test
  void twentyConcurrentCreatesAndUpdatesHaveExactlyOneWinnerEach() throws Exception {
    S3Pod s3 = refPod();
    assertThat(race(20, i -> s3.compareAndSet("r/head", null, bytes("c" + i)))).isEqualTo(1);
    String version = s3.readRef("r/head").version();
    assertThat(race(20, i -> s3.compareAndSet("r/head", version, bytes("u" + i)))).isEqualTo(1);
    assertThat(s3.readRef("r/head").version()).startsWith("2:");
    assertThat(storedKeys()).hasSize(2);
  }

  @Test
  void oldVersionsAreDeletedAndAStaleWriterThatRecreatesOneLoses() {
    S3Pod s3 = refPod();
    assertThat(s3.compareAndSet("r/head", null, bytes("v1"))).isEqualTo(CommitResult.COMMITTED);
    String stale = s3.readRef("r/head").version();
    for (int i = 2; i <= 100; i++) {
      assertThat(s3.compareAndSet("r/head", s3.readRef("r/head").version(), bytes("v" + i)))
          .isEqualTo(CommitResult.COMMITTED);
    }
    List<String> keys = storedKeys();
    assertThat(keys).hasSize(S3Refs.KEEP).last().isEqualTo(refFolder("r/head") + "0000000000000000100");
    assertThat(keys.get(0)).isEqualTo(refFolder("r/head") + "0000000000000000037");
    // version 2 was deleted: the stale writer creates it again, sees that it does not lead to the head, and loses
    assertThat(s3.compareAndSet("r/head", stale, bytes("late"))).isEqualTo(CommitResult.LOCK_FAILURE);
    assertThat(storedKeys()).isEqualTo(keys);
    assertThat(s3.readRef("r/head").value()).isEqualTo(bytes("v100"));
  }

  /** Runs {@code n} calls at once; the number that committed. */
  private static int race(int n, java.util.function.IntFunction<CommitResult> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<CommitResult>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<CommitResult> task = () -> {
          start.await();
          return call.apply(index);
        };
        results.add(threads.submit(task));
      }
      start.countDown();
      int won = 0;
      for (Future<CommitResult> r : results) {
        won += r.get() == CommitResult.COMMITTED ? 1 : 0;
      }
      return won;
    } finally {
      threads.shutdownNow();
    }
  }
}
