package io.lakota.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.CommitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FolderWatch}: every listing it answers from its cache is exactly what reading the folder at that moment
 * gives, whatever other writers (other processes use the same system calls as the plain file operations here) did
 * just before; and it falls back to reading the folder when it cannot know.
 */
class FolderWatchTest {
  @TempDir Path tmp;
  private FolderWatch watch;
  private Path folder;
  private Path outside;

  @BeforeEach
  void setUp() throws IOException {
    watch = new FolderWatch(4);
    folder = Files.createDirectories(tmp.resolve("repo/c"));
    outside = Files.createDirectories(tmp.resolve("elsewhere"));
  }

  @AfterEach
  void tearDown() {
    watch.close();
  }

  private List<String> listed() {
    return listed(folder);
  }

  private static List<String> listed(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The watch's answer, sorted, checked against a real listing taken right after. */
  private List<String> check() {
    List<String> answer = new ArrayList<>(watch.list(folder, this::listed));
    answer.sort(null);
    assertThat(answer).isEqualTo(listed());
    return answer;
  }

  /** What a writer of another process does: a file elsewhere, renamed into the folder. */
  private void publish(String name) throws IOException {
    Path t = Files.writeString(outside.resolve("t-" + name), name);
    Files.move(t, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private void startWatching() throws IOException {
    for (int i = 0; i < 4; i++) {
      publish("seed" + i);
    }
    check();
    assertThat(watch.isWatched(folder)).isFalse(); // one commit with enough entries is not enough
    check();
    assertThat(watch.isWatched(folder)).isTrue();
  }

  @Test
  void aWatchedFolderListsExactlyWhatOtherWritersLeft() throws IOException {
    startWatching();
    long before = watch.cachedListings();
    SplittableRandom random = new SplittableRandom(7);
    int checks = 0;
    for (int op = 0; op < 300; op++) {
      List<String> names = listed();
      int kind = random.nextInt(5);
      if (kind <= 1 || names.isEmpty()) {
        publish("f" + op);
      } else if (kind == 2) {
        Files.delete(folder.resolve(names.get(random.nextInt(names.size()))));
      } else if (kind == 3) {
        Files.move(folder.resolve(names.get(random.nextInt(names.size()))), folder.resolve("r" + op),
            StandardCopyOption.ATOMIC_MOVE);
      } else {
        // a hard link from elsewhere, as the file pod publishes, and an unlink of a name that was never there
        Path t = Files.writeString(outside.resolve("l" + op), "x");
        Files.createLink(folder.resolve("l" + op), t);
        Files.delete(t);
      }
      if (random.nextInt(3) == 0) {
        check();
        checks++;
      }
    }
    check();
    assertThat(watch.isWatched(folder)).isTrue();
    assertThat(watch.cachedListings() - before).isEqualTo(checks + 1);
  }

  @Test
  void lostEventsMakeItReadTheFolderAgain() throws IOException {
    startWatching();
    // more events than the JDK keeps for one key (512): the key reports an overflow instead
    for (int i = 0; i < 700; i++) {
      publish("burst" + i);
    }
    for (int i = 0; i < 700; i += 3) {
      Files.delete(folder.resolve("burst" + i));
    }
    assertThat(check()).hasSize(4 + 700 - 234);
    assertThat(watch.isWatched(folder)).isTrue();
    publish("after");
    assertThat(check()).contains("after");
  }

  @Test
  void aReplacedFolderIsNotAnsweredFromTheCache() throws IOException {
    startWatching();
    Files.move(folder, tmp.resolve("repo/old"), StandardCopyOption.ATOMIC_MOVE);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("fresh"), "x");
    assertThat(check()).containsExactly("fresh");
    assertThat(watch.isWatched(folder)).isFalse();
  }

  @Test
  void aDeletedFolderListsEmptyThenItsNewContent() throws IOException {
    startWatching();
    for (String name : listed()) {
      Files.delete(folder.resolve(name));
    }
    Files.delete(folder);
    assertThat(check()).isEmpty();
    Files.createDirectories(folder);
    publish("again");
    assertThat(check()).containsExactly("again");
  }

  @Test
  void smallFoldersAreListed() throws IOException {
    publish("a");
    publish("b");
    for (int i = 0; i < 5; i++) {
      check();
    }
    assertThat(watch.isWatched(folder)).isFalse();
    assertThat(watch.cachedListings()).isZero();
  }

  @Test
  void theFilePodCommitsFromTheWatchedListing() throws IOException {
    String before = System.getProperty(FolderWatch.MIN_ENTRIES_PROPERTY);
    System.setProperty(FolderWatch.MIN_ENTRIES_PROPERTY, "2");
    try {
      FilePod pod = new FilePod(tmp.resolve("repo")).cd("c");
      FolderWatch shared = FolderWatch.get();
      long cached = shared.cachedListings();
      List<List<String>> seen = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        if (i == 4) {
          publish("theirs"); // another writer, between two of ours
        }
        int n = i;
        assertThat(pod.commitIf(".", listing -> {
          seen.add(listing.stream().sorted().toList());
          return Map.of("ours" + n, new byte[] {(byte) n});
        })).isEqualTo(CommitResult.COMMITTED);
      }
      assertThat(shared.isWatched(pod.root())).isTrue();
      assertThat(shared.cachedListings() - cached).isEqualTo(2); // the commits after the two that qualified it
      assertThat(seen.get(5)).containsExactly("ours0", "ours1", "ours2", "ours3", "ours4", "theirs");
      assertThat(pod.ls(".", false)).containsExactlyInAnyOrderElementsOf(listed());
    } finally {
      if (before == null) {
        System.clearProperty(FolderWatch.MIN_ENTRIES_PROPERTY);
      } else {
        System.setProperty(FolderWatch.MIN_ENTRIES_PROPERTY, before);
      }
    }
  }
}
