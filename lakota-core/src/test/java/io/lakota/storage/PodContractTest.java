package io.lakota.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.InvalidPathException;
import io.lakota.errors.NotEmptyException;
import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pod contract (SEMANTICS.md §7.1 and acceptance cases P-1 … P-11 of §21.7), run against every backend by a
 * subclass. Hooks describe the documented differences between backends.
 */
public abstract class PodContractTest {
  private static final byte[] DEADBEEF = bytes("DEADBEEF");
  private static final byte[] DECODE = bytes("DEC0DE");

  /** A new, empty pod; called once per test. */
  protected abstract Pod newPod();

  /** The metrics kind the pod reports. */
  protected abstract String expectedKind();

  /** False for backends without real folders (S3), where an emptied folder disappears. */
  protected boolean listsEmptyFoldersAfterRm() {
    return true;
  }

  /** False for backends where listing a missing folder gives an empty list (S3). */
  protected boolean missingFolderIsNotFound() {
    return true;
  }

  /** False for pods whose metrics are recorded by inner pods under other kinds (CachePod). */
  protected boolean recordsMetricsUnderKind() {
    return true;
  }

  /** False when concurrent write-once writers may leave different winners on two layers (CachePod). */
  protected boolean readReturnsWinningWrite() {
    return true;
  }

  protected Pod pod;

  @BeforeEach
  void createPod() {
    pod = newPod();
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  @Test
  void kindIsTheExpectedOne() {
    assertThat(pod.kind()).isEqualTo(expectedKind());
    assertThat(pod.cd("ham").kind()).isEqualTo(expectedKind());
  }

  @Test
  void p1CdGivesAPodNamedAfterTheFolder() {
    Pod ham = pod.cd("ham");
    assertThat(ham.toString()).endsWith("ham");
    ham.write("key", DEADBEEF);
    assertThat(pod.ls()).containsExactly("ham");
    assertThat(pod.ls("ham", false)).containsExactly("key");
    assertThat(pod.read("ham/key")).isEqualTo(DEADBEEF);
    assertThat(pod.cd("ham/").read("key")).isEqualTo(DEADBEEF);
    assertThat(pod.cd("./ham").cd(".").ls()).containsExactly("key");
  }

  @Test
  void p2ListsFolders() {
    if (missingFolderIsNotFound()) {
      assertThatThrownBy(() -> pod.ls("A", false))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("Cannot list A: no such folder");
    } else {
      assertThat(pod.ls("A", false)).isEmpty();
    }
    assertThat(pod.ls("B", true)).isEmpty();
    pod.write("A/a", DEADBEEF);
    assertThat(pod.ls()).containsExactly("A");
    assertThat(pod.ls("A", false)).containsExactly("a");
    pod.write("B", DEADBEEF);
    assertThat(pod.ls()).containsExactlyInAnyOrder("A", "B");
    pod.cd("C/D").write("d", DEADBEEF);
    assertThat(pod.ls("C/D", false)).containsExactly("d");
  }

  @Test
  void p3WriteOnceUnlessForced() {
    pod.write("key", DEADBEEF);
    assertThat(pod.ls()).containsExactly("key");
    assertThat(pod.read("key")).isEqualTo(DEADBEEF);
    pod.write("key", DECODE);
    assertThat(pod.read("key")).isEqualTo(DEADBEEF);
    pod.write("key", DECODE, true);
    assertThat(pod.read("key")).isEqualTo(DECODE);
  }

  @Test
  void p4WriteReturnsTheByteCountOrMinusOne() {
    assertThat(pod.write("key", bytes("ham!"))).isEqualTo(4);
    assertThat(pod.write("key", bytes("ham!"))).isEqualTo(-1);
    assertThat(pod.write("key", bytes("spam!"), true)).isEqualTo(5);
    assertThat(pod.write("other", new byte[0])).isEqualTo(0);
  }

  @Test
  void p5RemovingFilesLeavesTheirFolders() {
    pod.write("key", DEADBEEF);
    pod.rm("key");
    assertThat(pod.ls()).isEmpty();
    pod.write("ham/key", DEADBEEF);
    pod.write("spam/key", DEADBEEF);
    pod.rm("ham/key");
    pod.rm("spam/key");
    if (listsEmptyFoldersAfterRm()) {
      assertThat(pod.ls()).containsExactlyInAnyOrder("ham", "spam");
    } else {
      assertThat(pod.ls()).isEmpty();
    }
  }

  @Test
  void p6RemovesRecursively() {
    Pod top = pod.cd("top_dir");
    top.write("sub_dir/key", DEADBEEF);
    top.write("sub_dir2/sub_dir3/key", DEADBEEF);
    assertThatThrownBy(() -> top.rm("."))
        .isInstanceOf(NotEmptyException.class)
        .hasMessage(". is not empty");
    assertThatThrownBy(() -> top.rm("sub_dir2"))
        .isInstanceOf(NotEmptyException.class)
        .hasMessage("sub_dir2 is not empty");
    top.rm("sub_dir2", true, false);
    assertThat(pod.ls("top_dir", false)).containsExactly("sub_dir");
    top.rm(".", true, false);
    assertThat(pod.ls()).isEmpty();
  }

  @Test
  void p7RemovingAMissingPath() {
    assertThatThrownBy(() -> pod.rm("i-do-not-exist"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot remove i-do-not-exist: no such file or folder");
    assertThatThrownBy(() -> pod.rm("i-do-not-exist", true, false))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot remove i-do-not-exist: no such file or folder");
    pod.rm("i-do-not-exist", false, true);
    pod.rm("i-do-not-exist", true, true);
    assertThat(pod.ls(".", true)).isEmpty();
  }

  @Test
  void p8RemovesMany() {
    pod.write("key", DEADBEEF);
    pod.write("ham/key", DEADBEEF);
    pod.write("ham/spam/key", DEADBEEF);
    assertThat(pod.ls()).hasSize(2);
    assertThat(pod.ls("ham", false)).hasSize(2);
    assertThat(pod.ls("ham/spam", false)).hasSize(1);
    pod.rmMany(List.of("ham/spam/key"), false);
    assertThat(pod.ls("ham/spam", true)).isEmpty();
    pod.write("foo/key", DEADBEEF);
    pod.rmMany(List.of("ham", "foo"), true);
    assertThat(pod.ls(".", true)).containsExactly("key");
  }

  @Test
  void p9MovesFiles() {
    pod.write("key", DEADBEEF);
    pod.mv("key", "ham/key", false);
    assertThat(pod.read("ham/key")).isEqualTo(DEADBEEF);
    pod.mv("ham/key", "ham/spam/key", false);
    assertThat(pod.read("ham/spam/key")).isEqualTo(DEADBEEF);
    assertThat(pod.ls()).containsExactly("ham");
    assertThat(pod.ls("ham/spam", false)).containsExactly("key");
    assertThatThrownBy(() -> pod.mv("spam", "ham/spam", false))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot move spam to ham/spam: no such file");
    pod.mv("spam", "ham/spam", true);
    assertThat(pod.ls("ham", false)).containsExactly("spam");
  }

  @Test
  void moveReplacesAnExistingTargetAndMovingInPlaceKeepsTheFile() {
    pod.write("a", DEADBEEF);
    pod.write("b", DECODE);
    pod.mv("a", "b", false);
    assertThat(pod.read("b")).isEqualTo(DEADBEEF);
    assertThat(pod.isFile("a")).isFalse();
    pod.mv("b", "./b", false);
    assertThat(pod.read("b")).isEqualTo(DEADBEEF);
  }

  @Test
  void p10Walks() {
    pod.write("ham/spam/foo", DEADBEEF);
    pod.write("bar/baz", DEADBEEF);
    pod.write("qux", new byte[0]);
    List<String> all = List.of("bar/baz", "ham/spam/foo", "qux");
    assertThat(sorted(pod.walk())).isEqualTo(all);
    assertThat(sorted(pod.walk(10))).isEqualTo(all);
    assertThat(sorted(pod.walk(3))).isEqualTo(all);
    assertThat(sorted(pod.walk(2))).isEqualTo(List.of("bar/baz", "qux"));
    assertThat(sorted(pod.walk(1))).isEqualTo(List.of("qux"));
    assertThat(pod.walk(0)).isEmpty();
    Pod bar = pod.cd("bar");
    assertThat(bar.walk()).containsExactly("baz");
    assertThat(bar.walk(10)).containsExactly("baz");
    assertThat(bar.walk(3)).containsExactly("baz");
    assertThat(bar.walk(2)).containsExactly("baz");
    assertThat(pod.cd("nothing").walk()).isEmpty();
  }

  @Test
  void p11RecordsMetrics() {
    if (!recordsMetricsUnderKind()) {
      return;
    }
    PodMetrics.reset();
    pod.write("key", bytes("ham!"));
    assertThat(PodMetrics.get(expectedKind() + ".write")).isEqualTo(4);
    assertThat(pod.read("key")).hasSize(4);
    assertThat(PodMetrics.get(expectedKind() + ".read")).isEqualTo(4);
    pod.write("key", bytes("spam!")); // skipped, still counted
    assertThat(PodMetrics.snapshot())
        .containsExactly(
            java.util.Map.entry(expectedKind() + ".write", 9L), java.util.Map.entry(expectedKind() + ".read", 4L));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../x|contains a \"..\" component",
        "/abs|is an absolute path",
        "a//b|contains an empty component",
        "a/../../b|contains a \"..\" component",
        "a\\b|contains a backslash",
        "..|contains a \"..\" component",
      })
  void refusesPathsEscapingTheRootBeforeAnyIo(String path, String reason) {
    String message = "Cannot access \"" + path + "\": " + reason;
    List<ThrowingCallable> calls =
        List.of(
            () -> pod.write(path, DEADBEEF),
            () -> pod.write(path, DEADBEEF, true),
            () -> pod.read(path),
            () -> pod.ls(path, true),
            () -> pod.isDir(path),
            () -> pod.isFile(path),
            () -> pod.rm(path, true, true),
            () -> pod.mv(path, "ok", true),
            () -> pod.mv("ok", path, true),
            () -> pod.cd(path),
            () -> pod.cd("sub").write(path, DEADBEEF));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOf(InvalidPathException.class).hasMessage(message);
    }
    assertThat(pod.walk()).isEmpty();
    assertThat(pod.ls(".", true)).isEmpty();
  }

  @Test
  void refusesNulCharactersAndCdUpwards() {
    assertThatThrownBy(() -> pod.write("a\0b", DEADBEEF))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"a\0b\": contains a NUL character");
    assertThatThrownBy(() -> pod.cd("ham").cd(".."))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"..\": contains a \"..\" component");
    assertThatThrownBy(() -> pod.write("", DEADBEEF))
        .isInstanceOf(InvalidPathException.class)
        .hasMessage("Cannot access \"\": names the pod root, not a file");
    assertThat(pod.walk()).isEmpty();
  }

  @Test
  void readingAMissingFileIsNotFound() {
    assertThatThrownBy(() -> pod.read("nope/key"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read nope/key: no such file");
    pod.write("ham/key", DEADBEEF);
    assertThatThrownBy(() -> pod.read("ham/other"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read ham/other: no such file");
    assertThatThrownBy(() -> pod.read("ham/key/below"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read ham/key/below: no such file");
  }

  @Test
  void foldersAndFilesAreNotInterchangeable() {
    pod.write("ham/key", DEADBEEF);
    assertThatThrownBy(() -> pod.read("ham"))
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(NotFoundException.class)
        .hasMessage("Cannot read ham: is a folder");
    assertThatThrownBy(() -> pod.write("ham", DEADBEEF, true))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot write ham: is a folder");
    assertThatThrownBy(() -> pod.write("ham/key/x", DEADBEEF))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot write ham/key/x: a parent folder is a file");
    assertThatThrownBy(() -> pod.ls("ham/key", false))
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(NotFoundException.class)
        .hasMessage("Cannot list ham/key: not a folder");
    assertThatThrownBy(() -> pod.mv("ham", "spam", false))
        .isInstanceOf(StorageException.class)
        .hasMessage("Cannot move ham to spam: is a folder");
    assertThat(sorted(pod.walk())).containsExactly("ham/key");
  }

  @Test
  void readReturnsACopyAndWriteKeepsNoReference() {
    byte[] data = bytes("ham!");
    pod.write("key", data);
    data[0] = 'X';
    byte[] read = pod.read("key");
    assertThat(read).isEqualTo(bytes("ham!"));
    read[0] = 'Y';
    assertThat(pod.read("key")).isEqualTo(bytes("ham!"));
  }

  @Test
  void tellsFoldersFromFiles() {
    pod.write("a/b", DEADBEEF);
    assertThat(pod.isDir(".")).isTrue();
    assertThat(pod.isDir("a")).isTrue();
    assertThat(pod.isFile("a")).isFalse();
    assertThat(pod.isFile("a/b")).isTrue();
    assertThat(pod.isDir("a/b")).isFalse();
    assertThat(pod.isFile("missing")).isFalse();
    assertThat(pod.isDir("missing")).isFalse();
    assertThat(pod.cd("a").isFile("b")).isTrue();
  }

  @Test
  void roundTripsAnEmptyFile() {
    assertThat(pod.write("empty", new byte[0])).isEqualTo(0);
    assertThat(pod.read("empty")).isEmpty();
    assertThat(pod.isFile("empty")).isTrue();
    assertThat(pod.write("empty", new byte[0])).isEqualTo(-1);
  }

  @Test
  void roundTripsOneMebibyte() {
    byte[] data = new byte[1 << 20];
    new SplittableRandom(42).nextBytes(data);
    assertThat(pod.write("aa/bb/big", data)).isEqualTo(1 << 20);
    assertThat(pod.read("aa/bb/big")).isEqualTo(data);
  }

  @Test
  void removingTheRootRecursivelyEmptiesThePod() {
    pod.write("a/b", DEADBEEF);
    pod.write("c", DEADBEEF);
    assertThatThrownBy(() -> pod.rm("."))
        .isInstanceOf(NotEmptyException.class)
        .hasMessage(". is not empty");
    pod.rm(".", true, false);
    assertThat(pod.ls(".", true)).isEmpty();
    assertThat(pod.walk()).isEmpty();
    pod.write("again", DEADBEEF);
    assertThat(pod.ls()).containsExactly("again");
  }

  @Test
  void concurrentWriteOnceWritersHaveExactlyOneWinner() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String path = "race/" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<byte[]> contents = new ArrayList<>();
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          byte[] content = new byte[1000 + 997 * t];
          Arrays.fill(content, (byte) ('a' + t));
          contents.add(content);
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return pod.write(path, content);
                  }));
        }
        start.countDown();
        List<Integer> winners = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long result = results.get(t).get(30, TimeUnit.SECONDS);
          if (result >= 0) {
            assertThat(result).isEqualTo(contents.get(t).length);
            winners.add(t);
          } else {
            assertThat(result).isEqualTo(-1);
          }
        }
        assertThat(winners).hasSize(1);
        byte[] stored = pod.read(path);
        if (readReturnsWinningWrite()) {
          assertThat(stored).isEqualTo(contents.get(winners.get(0)));
        } else {
          assertThat(contents).anySatisfy(c -> assertThat(c).isEqualTo(stored));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  protected static List<String> sorted(List<String> paths) {
    return paths.stream().sorted().collect(Collectors.toList());
  }
}
