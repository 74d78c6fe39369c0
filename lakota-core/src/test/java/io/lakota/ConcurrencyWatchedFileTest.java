package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.storage.file.FolderWatchProbe;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ConcurrencyFileTest} with every changelog folder watched from its second commit on (in this JVM and in the
 * writer processes): the commits plan from the listings the file notifications keep, instead of reading the folder.
 */
class ConcurrencyWatchedFileTest extends ConcurrencyFileTest {
  private static final String MIN_ENTRIES = "lakota.file.watchMinEntries";
  private static String before;
  private static long cached;

  @BeforeAll
  static void watchEveryFolder() {
    cached = FolderWatchProbe.cachedListings();
    before = System.getProperty(MIN_ENTRIES);
    System.setProperty(MIN_ENTRIES, "0");
  }

  @AfterAll
  static void restore() {
    // the watch served the commits of this JVM (the writer processes' own are checked by their results only)
    assertThat(FolderWatchProbe.cachedListings() - cached).isGreaterThan(100);
    if (before == null) {
      System.clearProperty(MIN_ENTRIES);
    } else {
      System.setProperty(MIN_ENTRIES, before);
    }
  }

  @Override
  protected List<String> writerJvmOptions() {
    return List.of("-D" + MIN_ENTRIES + "=0");
  }
}
