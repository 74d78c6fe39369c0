package io.lakota.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.NotFoundException;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.memory.MemoryPod;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachePodTest extends PodContractTest {
  @TempDir Path tmp;

  private MemoryPod local;
  private FilePod remote;

  @Override
  protected Pod newPod() {
    local = new MemoryPod();
    remote = new FilePod(tmp.resolve("remote"));
    return new CachePod(local, remote);
  }

  @Override
  protected String expectedKind() {
    return "FilePOD";
  }

  @Override
  protected boolean recordsMetricsUnderKind() {
    return false;
  }

  @Override
  protected boolean readReturnsWinningWrite() {
    return false;
  }

  @Test
  void readsFillTheCacheFromTheRemote() {
    remote.write("aa/key", bytes("ham"));
    assertThat(local.isFile("aa/key")).isFalse();
    assertThat(pod.read("aa/key")).isEqualTo(bytes("ham"));
    assertThat(local.read("aa/key")).isEqualTo(bytes("ham"));
    remote.write("aa/key", bytes("spam"), true);
    assertThat(pod.read("aa/key")).isEqualTo(bytes("ham")); // served by the cache
  }

  @Test
  void listingsComeFromTheRemoteOnly() {
    pod.write("key", bytes("ham"));
    local.write("cached-only", bytes("x"));
    remote.rm("key");
    assertThat(pod.ls(".", false)).isEmpty();
    assertThat(pod.walk()).isEmpty();
    assertThat(pod.isFile("key")).isFalse();
    assertThat(pod.read("key")).isEqualTo(bytes("ham")); // the cache still holds it
  }

  @Test
  void writesGoToBothSidesAndReturnTheRemoteResult() {
    local.write("key", bytes("old"));
    assertThat(pod.write("key", bytes("new!"))).isEqualTo(4);
    assertThat(remote.read("key")).isEqualTo(bytes("new!"));
    assertThat(local.read("key")).isEqualTo(bytes("old"));
    assertThat(pod.write("key", bytes("newer"))).isEqualTo(-1);
    assertThat(pod.write("key", bytes("forced"), true)).isEqualTo(6);
    assertThat(local.read("key")).isEqualTo(bytes("forced"));
  }

  @Test
  void removalsAndMovesReachBothSides() {
    pod.write("a/key", bytes("ham"));
    pod.write("b/key", bytes("spam"));
    pod.mv("a/key", "c/key", false);
    assertThat(local.read("c/key")).isEqualTo(bytes("ham"));
    assertThat(remote.read("c/key")).isEqualTo(bytes("ham"));
    assertThat(local.isFile("a/key")).isFalse();
    pod.rm("b", true, false);
    assertThat(local.isDir("b")).isFalse();
    assertThat(remote.isDir("b")).isFalse();
    // a file the cache never saw: the remote is removed, the local not-found is ignored
    remote.write("d", bytes("x"));
    pod.rm("d");
    assertThat(remote.isFile("d")).isFalse();
    assertThatThrownBy(() -> pod.rm("d"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot remove d: no such file or folder");
  }

  @Test
  void movingAnUncachedFileDropsAStaleCachedTarget() {
    remote.write("src", bytes("new"));
    pod.write("dst", bytes("old"));
    pod.mv("src", "dst", false);
    assertThat(pod.read("dst")).isEqualTo(bytes("new"));
  }

  @Test
  void removingAFolderTheRemoteHadEmptiedDropsStaleCacheEntries() {
    pod.write("dir/key", bytes("ham"));
    remote.rm("dir/key");
    pod.rm("dir");
    assertThat(local.isDir("dir")).isFalse();
  }

  @Test
  void innerPodsRecordTheMetrics() {
    PodMetrics.reset();
    pod.write("key", bytes("ham!"));
    pod.read("key");
    remote.write("other", bytes("spam!"));
    pod.read("other");
    assertThat(PodMetrics.snapshot())
        .containsExactly(
            Map.entry("MemPOD.write", 9L),
            Map.entry("FilePOD.write", 9L),
            Map.entry("MemPOD.read", 4L),
            Map.entry("FilePOD.read", 5L));
  }

  @Test
  void cdAppliesToBothSides() {
    CachePod ham = (CachePod) pod.cd("ham");
    ham.write("key", bytes("x"));
    assertThat(local.read("ham/key")).isEqualTo(bytes("x"));
    assertThat(remote.read("ham/key")).isEqualTo(bytes("x"));
    assertThat(ham.local().toString()).isEqualTo("memory://ham");
    assertThat(ham.remote()).isInstanceOf(FilePod.class);
    assertThat(ham.kind()).isEqualTo("FilePOD");
  }
}
