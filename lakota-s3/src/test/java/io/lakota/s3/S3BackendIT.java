package io.lakota.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.storage.CachePod;
import io.lakota.storage.Pod;
import io.lakota.storage.uri.Pods;
import io.lakota.storage.memory.MemoryPod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** What the S3 pod does beyond the common contract, against S3Proxy: listings, probes, fallbacks and errors. */
class S3BackendIT {
  static S3TestServer server;
  static String bucket;

  @BeforeAll
  static void startServer() {
    server = S3TestServer.get();
    bucket = server.newBucket();
  }

  private static S3Pod open(String prefix) {
    return (S3Pod) Pods.fromUri(server.uri(bucket, prefix));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void listingsWalksAndRemovalsFollowContinuationTokens() throws Exception {
    S3Pod pod = open("paged");
    pod.backend().pageSize = 7; // 45 files: 7 pages of listing
    List<String> names = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> writes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String name = String.format("f%02d", i);
        names.add(name);
        writes.add(pool.submit(() -> pod.write("dir/" + name, bytes(name))));
      }
      for (Future<Long> w : writes) {
        assertThat(w.get(60, TimeUnit.SECONDS)).isEqualTo(3);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < 5; i++) {
      pod.write("dir/sub" + i + "/x", bytes("x"));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add("sub" + i);
    }
    expected.addAll(names); // folders first, then files, each sorted: as the reference lists
    assertThat(pod.ls("dir", false)).containsExactlyElementsOf(expected);
    assertThat(pod.walk()).hasSize(45);
    assertThat(pod.walk(2)).hasSize(40);
    assertThat(pod.cd("dir").walk(1)).hasSize(40);
    pod.rm("dir", true, false);
    assertThat(pod.walk()).isEmpty();
    assertThat(pod.backend().batchDeletes()).isTrue(); // S3Proxy takes DeleteObjects
  }

  @Test
  void removesManyInParallelAndReportsTheFirstFailure() {
    S3Pod pod = open("many");
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pod.write("d" + i + "/key", bytes("x"));
      paths.add("d" + i);
    }
    pod.rmMany(paths, true);
    assertThat(pod.walk()).isEmpty();
    pod.write("a", bytes("x"));
    pod.write("c", bytes("x"));
    assertThatThrownBy(() -> pod.rmMany(List.of("a", "missing-b", "c", "missing-d"), false))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot remove missing-b: no such file or folder");
    assertThat(pod.walk()).isEmpty(); // every removal was attempted
  }

  @Test
  void keysWrittenByOtherToolsAreListedAndFolderMarkersSkipped() {
    S3Pod pod = open("foreign");
    server.admin().putObject(b -> b.bucket(bucket).key("foreign/a/b"), RequestBody.fromString("ab"));
    server.admin().putObject(b -> b.bucket(bucket).key("foreign/a/"), RequestBody.empty()); // a console's marker
    assertThat(pod.ls()).containsExactly("a");
    assertThat(pod.ls("a", false)).containsExactly("b");
    assertThat(pod.walk()).containsExactly("a/b");
    assertThat(pod.read("a/b")).isEqualTo(bytes("ab"));
  }

  @Test
  void theRepositoryRootsOfOneBucketAreIndependent() {
    S3Pod one = open("roots/one");
    S3Pod two = open("roots/one2");
    one.write("key", bytes("1"));
    two.write("key", bytes("2"));
    one.rm(".", true, false);
    assertThat(one.walk()).isEmpty();
    assertThat(two.read("key")).isEqualTo(bytes("2"));
    assertThat(open("roots").ls()).containsExactly("one2");
  }

  @Test
  void probesConditionalWritesAndCanDoWithout() {
    S3Pod conditional = open("conditional");
    assertThat(conditional.conditionalWrites()).isTrue(); // S3Proxy 4.1.0 honours If-None-Match: *
    assertThat(conditional.walk()).isEmpty(); // the probe object is gone
    assertThat(server.admin().listObjectsV2(b -> b.bucket(bucket).prefix("conditional/")).contents()).isEmpty();

    S3Pod plain = (S3Pod) Pods.fromUri(server.uri(bucket, "unconditional") + "&conditional_write=false");
    assertThat(plain.conditionalWrites()).isFalse();
    assertThat(plain.write("key", bytes("one"))).isEqualTo(3);
    assertThat(plain.write("key", bytes("two"))).isEqualTo(-1);
    assertThat(plain.read("key")).isEqualTo(bytes("one"));
    assertThat(plain.write("key", bytes("three"), true)).isEqualTo(5);
  }

  @Test
  void aMemoryCacheInFrontOfS3() {
    Pod chain = Pods.fromUris(List.of("memory://", server.uri(bucket, "cached")));
    assertThat(chain).isInstanceOf(CachePod.class);
    assertThat(chain.kind()).isEqualTo("S3POD");
    chain.write("aa/key", bytes("ham"));
    Pod remote = ((CachePod) chain).remote();
    assertThat(remote.read("aa/key")).isEqualTo(bytes("ham"));
    remote.rm("aa/key");
    assertThat(chain.read("aa/key")).isEqualTo(bytes("ham")); // served by the cache
    assertThat(chain.ls()).isEmpty(); // listings come from S3
    assertThat(((CachePod) chain).local()).isInstanceOf(MemoryPod.class);
  }

  @Test
  void aMissingBucketIsSaidSo() {
    Pod pod = Pods.fromUri(server.uri("no-such-bucket-here", "repo"));
    String message = "bucket \"no-such-bucket-here\" does not exist on " + server.endpoint();
    assertThatThrownBy(() -> pod.ls())
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(NotFoundException.class)
        .hasMessage("Cannot list .: " + message);
    assertThatThrownBy(() -> pod.read("aa/bb"))
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read aa/bb: " + message);
    assertThatThrownBy(() -> pod.write("aa/bb", bytes("x")))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot write aa/bb: " + message);
    assertThatThrownBy(() -> pod.walk())
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot walk .: " + message);
  }

  @Test
  void refusedCredentialsAreSaidSo() {
    open("secret").write("key", bytes("x"));
    String wrongSecret = "s3://" + server.host() + "/" + bucket + "/secret?key=" + server.key() + "&secret=wrong";
    Pod pod = Pods.fromUri(wrongSecret);
    assertThatThrownBy(() -> pod.read("key"))
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("Cannot read key: access to bucket \"" + bucket + "\" on " + server.endpoint()
            + " denied (")
        .hasMessageEndingWith("); check the credentials and the bucket's policy")
        .hasMessageNotContaining("wrong");
    Pod unknownKey =
        Pods.fromUri("s3://" + server.host() + "/" + bucket + "/secret?key=nobody&secret=" + server.secret());
    assertThatThrownBy(() -> unknownKey.isFile("key"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("access to bucket \"" + bucket + "\"");
    assertThatThrownBy(() -> unknownKey.ls())
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("Cannot list .: access to bucket \"" + bucket + "\" on " + server.endpoint()
            + " denied (InvalidAccessKeyId)");
  }
}
