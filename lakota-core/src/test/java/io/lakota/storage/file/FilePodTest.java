package io.lakota.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.StorageException;
import io.lakota.storage.Pod;
import io.lakota.storage.PodContractTest;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePodTest extends PodContractTest {
  @TempDir Path tmp;

  /** The repository root; it does not exist before the first write. */
  private Path root() {
    return tmp.resolve("repo");
  }

  @Override
  protected Pod newPod() {
    return new FilePod(root());
  }

  @Override
  protected String expectedKind() {
    return "FilePOD";
  }

  private static byte[] filled(char c, int length) {
    byte[] data = new byte[length];
    Arrays.fill(data, (byte) c);
    return data;
  }

  private List<String> rootEntries() throws IOException {
    try (Stream<Path> entries = Files.list(root())) {
      return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void storesPlainFilesAndFolders() throws IOException {
    pod.write("aa/bb/cc", bytes("ham"));
    assertThat(Files.readAllBytes(root().resolve("aa/bb/cc"))).isEqualTo(bytes("ham"));
    assertThat(rootEntries()).containsExactly(".lakota-tmp", "aa");
    assertThat(tmpEntries()).isEmpty();
    assertThat(((FilePod) pod).root()).isEqualTo(root());
    assertThat(((FilePod) pod.cd("aa/bb")).root()).isEqualTo(root().resolve("aa/bb"));
    assertThat(pod.cd("aa").toString()).isEqualTo(root().resolve("aa").toString());
  }

  @Test
  void aReaderNeverSeesATornFile() throws Exception {
    byte[][] versions = {filled('a', 200_000), filled('b', 3_000), filled('c', 700_000), filled('d', 1)};
    pod.write("f", versions[0]);
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> reader =
          pool.submit(
              () -> {
                int reads = 0;
                while (!stop.get() || reads == 0) {
                  byte[] got = pod.read("f");
                  assertThat(Arrays.stream(versions).anyMatch(v -> Arrays.equals(v, got)))
                      .as("a whole version, not a torn read of %d bytes", got.length)
                      .isTrue();
                  reads++;
                }
                return reads;
              });
      for (int i = 1; i <= 300; i++) {
        assertThat(pod.write("f", versions[i % versions.length], true)).isEqualTo(versions[i % versions.length].length);
      }
      stop.set(true);
      assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    } finally {
      pool.shutdownNow();
    }
    assertThat(pod.read("f")).isEqualTo(versions[0]);
    assertThat(tmpEntries()).isEmpty();
  }

  private List<String> tmpEntries() throws IOException {
    try (Stream<Path> entries = Files.list(root().resolve(".lakota-tmp"))) {
      return entries.map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }
  }

  @Test
  void theTemporaryFolderIsKeptEmptyAfterWrites() throws Exception {
    pod.write("a/b", bytes("x"));
    pod.write("a/b", bytes("y"));
    pod.write("a/b", bytes("z"), true);
    pod.cd("a").write("c", bytes("x"));
    // the folder stays (creating and removing it around each write is costly) but holds nothing at rest
    assertThat(rootEntries()).containsExactly(".lakota-tmp", "a");
    assertThat(tmpEntries()).isEmpty();
    assertThat(pod.ls()).containsExactly("a");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> writes = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String path = "p/" + (i % 50);
        byte[] data = bytes("v" + i);
        boolean force = i % 3 == 0;
        writes.add(pool.submit(() -> pod.write(path, data, force)));
      }
      for (Future<Long> write : writes) {
        write.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(rootEntries()).containsExactly(".lakota-tmp", "a", "p");
    assertThat(tmpEntries()).isEmpty();
    assertThat(pod.ls("p", false)).hasSize(50);
  }

  @Test
  void theTemporaryFolderIsHiddenReservedAndKept() throws IOException {
    Path inFlight = root().resolve(".lakota-tmp/other-writer.tmp");
    Files.createDirectories(inFlight.getParent());
    Files.write(inFlight, bytes("in flight"));
    pod.write("key", bytes("ham"));
    pod.write("sub/key", bytes("ham"));
    assertThat(pod.ls()).containsExactlyInAnyOrder("key", "sub");
    assertThat(sorted(pod.walk())).containsExactly("key", "sub/key");
    assertThat(((FilePod) pod).size()).isEqualTo(6);
    assertThatThrownBy(() -> pod.write(".lakota-tmp/x", bytes("x")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \".lakota-tmp/x\": is reserved for the temporary files of in-flight writes");
    assertThatThrownBy(() -> pod.cd(".lakota-tmp"))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \".lakota-tmp\": is reserved for the temporary files of in-flight writes");
    pod.rm(".", true, false);
    assertThat(pod.ls()).isEmpty();
    pod.rm(".");
    assertThat(Files.readAllBytes(inFlight)).isEqualTo(bytes("in flight"));
    // only the repository root is special: deeper folders of that name are ordinary
    pod.write("sub/.lakota-tmp", bytes("x"));
    assertThat(pod.cd("sub").ls()).containsExactly(".lakota-tmp");
  }

  @Test
  void fsyncModeWritesMovesAndRemoves() throws IOException {
    FilePod durable = new FilePod(tmp.resolve("durable"), true);
    assertThat(durable.isFsync()).isTrue();
    assertThat(durable.cd("x").isFsync()).isTrue();
    assertThat(((FilePod) pod).isFsync()).isFalse();
    assertThat(durable.write("a/b", bytes("ham"))).isEqualTo(3);
    assertThat(durable.write("a/b", bytes("spam"))).isEqualTo(-1);
    assertThat(durable.write("a/b", bytes("spam"), true)).isEqualTo(4);
    durable.mv("a/b", "c/d", false);
    assertThat(durable.read("c/d")).isEqualTo(bytes("spam"));
    durable.rm("c/d");
    assertThat(durable.walk()).isEmpty();
    try (Stream<Path> entries = Files.list(tmp.resolve("durable"))) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".lakota-tmp", "a", "c");
    }
  }

  @Test
  void writesAndReadsFilesLargerThanOneSliceAndInPartsByteForByte() throws IOException {
    int slice = AtomicWriter.SLICE;
    for (int size : new int[] {0, 1, slice - 1, slice, slice + 1, 3 * slice + 7, FileReads.PARALLEL_BYTES,
        FileReads.PARALLEL_BYTES + 4 * slice + 3}) {
      byte[] data = new byte[size];
      new java.util.Random(size).nextBytes(data);
      String name = "big/" + size;
      assertThat(pod.write(name, data)).isEqualTo(size);
      assertThat(pod.read(name)).isEqualTo(data);
      assertThat(Files.readAllBytes(root().resolve(name))).isEqualTo(data);
      assertThat(FileReads.readAll(root().resolve(name))).isEqualTo(data);
    }
  }

  @Test
  void writeCreatesMissingFoldersBelowPlainAndLinkedFolders() throws IOException {
    pod.write("a/b/c/d", bytes("1"));
    pod.write("a/b/e/f", bytes("2"));
    Files.createSymbolicLink(root().resolve("a/link"), root().resolve("a/b"));
    pod.write("a/link/g/h", bytes("3"));
    assertThat(Files.readAllBytes(root().resolve("a/b/g/h"))).isEqualTo(bytes("3"));
    pod.write("plain", bytes("file"));
    assertThatThrownBy(() -> pod.write("plain/x", bytes("x")))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot write plain/x: a parent folder is a file");
    assertThat(pod.walk()).containsExactlyInAnyOrder("a/b/c/d", "a/b/e/f", "a/b/g/h", "plain");
  }

  @Test
  void stagedWritesAreInvisibleUntilPublishedAndLeaveNoTemporaryFile() throws IOException {
    FilePod files = (FilePod) pod;
    try (FilePod.Staged staged = files.stage(bytes("first"))) {
      assertThat(pod.walk()).isEmpty();
      assertThat(staged.publish("aa/bb/one")).isEqualTo(5);
      assertThatThrownBy(() -> staged.publish("aa/bb/two"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Cannot publish aa/bb/two: already published");
    }
    try (FilePod.Staged staged = files.stage(bytes("second"))) {
      assertThat(staged.publish("aa/bb/one")).isEqualTo(-1); // write-once
    }
    try (FilePod.Staged staged = files.stage(bytes("discarded"))) {
      assertThat(staged).isNotNull();
    }
    assertThat(pod.walk()).containsExactly("aa/bb/one");
    assertThat(pod.read("aa/bb/one")).isEqualTo(bytes("first"));
    try (Stream<Path> entries = Files.list(root().resolve(".lakota-tmp"))) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void writesAndPublishesRefuseAFolderInPlaceAndThePodRoot() throws IOException {
    FilePod files = (FilePod) pod;
    pod.write("aa/bb/cc", bytes("ham"));
    for (boolean force : new boolean[] {false, true}) {
      assertThatThrownBy(() -> pod.write("aa/bb", bytes("x"), force))
          .isInstanceOf(StorageException.class)
          .hasMessage("Cannot write aa/bb: is a folder");
    }
    assertThatThrownBy(() -> pod.write("", bytes("x")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessageContaining("names the pod root, not a file");
    try (FilePod.Staged staged = files.stage(bytes("x"))) {
      assertThatThrownBy(() -> staged.publish("aa/bb"))
          .isInstanceOf(StorageException.class)
          .hasMessage("Cannot write aa/bb: is a folder");
    }
    try (FilePod.Staged staged = files.stage(bytes("x"))) {
      assertThatThrownBy(() -> staged.publish("."))
          .isInstanceOf(InvalidPathException.class)
          .hasMessageContaining("names the pod root, not a file");
    }
    assertThat(pod.walk()).containsExactly("aa/bb/cc");
    try (Stream<Path> entries = Files.list(root().resolve(".lakota-tmp"))) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void refusesToWriteThroughASymbolicLinkLeavingTheRoot() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createDirectories(root());
    Files.createSymbolicLink(root().resolve("evil"), outside);
    String message = "Cannot access \"evil/x\": escapes the pod root through a symbolic link";
    assertThatThrownBy(() -> pod.write("evil/x", bytes("x")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> pod.write("evil/x", bytes("x"), true))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> pod.write("evil/deeper/x", bytes("x")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"evil/deeper/x\": escapes the pod root through a symbolic link");
    assertThatThrownBy(() -> pod.cd("evil").write("x", bytes("x")))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"x\": escapes the pod root through a symbolic link");
    pod.write("key", bytes("x"));
    assertThatThrownBy(() -> pod.mv("key", "evil/key", false))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"evil/key\": escapes the pod root through a symbolic link");
    try (Stream<Path> entries = Files.list(outside)) {
      assertThat(entries).isEmpty();
    }
    // a link that stays inside the root is followed
    Files.createDirectories(root().resolve("real"));
    Files.createSymbolicLink(root().resolve("alias"), root().resolve("real"));
    assertThat(pod.write("alias/x", bytes("ok"))).isEqualTo(2);
    assertThat(Files.readAllBytes(root().resolve("real/x"))).isEqualTo(bytes("ok"));
  }

  @Test
  void wrapsIoErrorsWithThePodPathAndTheCause() throws IOException {
    Files.write(root(), bytes("not a folder"));
    assertThatThrownBy(() -> pod.write("key", bytes("x")))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot write key: FileAlreadyExistsException: " + root())
        .hasCauseInstanceOf(FileAlreadyExistsException.class)
        .satisfies(e -> assertThat(((StorageException) e).path()).isEqualTo("key"));
    assertThatThrownBy(() -> pod.ls())
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot list .: not a folder");
  }

  @Test
  void measuresItsFiles() {
    FilePod files = (FilePod) pod;
    assertThat(files.size()).isZero();
    pod.write("a", new byte[10]);
    pod.write("b/c", new byte[32]);
    pod.write("b/d/e", new byte[0]);
    assertThat(files.size()).isEqualTo(42);
    assertThat(files.cd("b").size()).isEqualTo(32);
  }

  @Test
  void relativeRootsAreMadeAbsolute() {
    FilePod relative = new FilePod(Path.of("some", "rel"));
    assertThat(relative.root()).isEqualTo(Path.of("some", "rel").toAbsolutePath());
    assertThat(relative.root().isAbsolute()).isTrue();
  }
}
