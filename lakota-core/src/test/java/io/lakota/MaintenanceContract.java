package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.id.HashedPath;
import io.lakota.id.Hextime;
import io.lakota.maintenance.GcResult;
import io.lakota.maintenance.Retention;
import io.lakota.testing.SettableClock;
import io.lakota.version.Changelog;
import io.lakota.version.Revision;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trim, defrag, squash and garbage collection, SEMANTICS.md §15, §16 and §21: CO-3 … CO-6, R-7, the registry
 * defrag variants of, BF-12 (defrag part), BF-18, BF-20; retention, gc dry run and resurrection.
 */
abstract class MaintenanceContract extends ApiContract {
  private final int pageLen = Settings.get().pageLen();
  private final int timeout = Settings.get().timeoutSeconds();

  @AfterEach
  void restoreSettings() {
    Settings.get().pageLen(pageLen).timeoutSeconds(timeout);
  }

  static Instant inOneHour() {
    return Instant.now().plus(Duration.ofHours(1));
  }

  static Instant oneHourAgo() {
    return Instant.now().minus(Duration.ofHours(1));
  }

  static long[] range(long from, long to) {
    return SyncContract.range(from, to);
  }

  static double[] drange(long from, long to) {
    return SyncContract.drange(from, to);
  }

  static java.util.Map<String, Object> f2(double... values) {
    return CollectionContract.f2(values);
  }

  static java.util.Map<String, Object> f456() {
    return cols("timestamp", new String[] {"1970-01-01T00:00:04", "1970-01-01T00:00:05", "1970-01-01T00:00:06"},
        "value", doubles(4, 5, 6));
  }

  @SuppressWarnings("deprecation")
  @ParameterizedTest(name = "trim={0} maxChunk={1}")
  @CsvSource({"true,1", "true,4", "false,1", "false,4"})
  @DisplayName("CO-3 squash")
  void co3(boolean trimming, int maxChunk) {
    Collection c = repo.createCollection(S2, "temperature");
    Instant trim = trimming ? inOneHour() : null;
    assertThat(c.squash(trim, maxChunk)).isEmpty();
    Series brussels = c.series("Brussels");
    brussels.write(f2());
    brussels.write(f456());
    assertThat(revisionFiles(c)).isEqualTo(2);
    Frame before = brussels.frame();
    c.squash(trim, maxChunk);
    assertThat(revisionFiles(c)).isEqualTo(trimming ? 1 : 2);
    assertThat(brussels.write(f2())).isEmpty();
    c.series("Paris").write(f2());
    c.series("Paris").write(f456());
    c.squash(trim, maxChunk);
    assertThat(brussels.frame()).isEqualTo(before);
    assertThat(revisionFiles(c)).isEqualTo(trimming ? 1 : 4);
    assertThat(c.ls()).containsExactly("Brussels", "Paris");
  }

  @Test
  @DisplayName("CO-4 trim")
  void co4() {
    Collection c = repo.createCollection(S2, "temperature");
    assertThat(c.trim(inOneHour())).isZero();
    c.series("Brussels").write(f2());
    c.series("Brussels").write(f456());
    assertThat(c.trim(oneHourAgo())).isZero();
    assertThat(revisionFiles(c)).isEqualTo(2);
    assertThat(c.trim(inOneHour())).isEqualTo(1);
    assertThat(revisionFiles(c)).isEqualTo(1);
    assertThat(c.series("Brussels").frame().doubles("value")).containsExactly(11, 12, 13, 4, 5, 6);
    assertThat(c.trim()).isZero(); // the default horizon (now - 2 × timeout) keeps these fresh revisions
  }

  @Test
  @DisplayName("a handle whose listed leaf a trim removed before it read it lists again instead of failing")
  void readerSurvivesATrimOfItsListedLeaf() {
    Collection c = repo.createCollection(S2, "temperature");
    c.series("Brussels").write(f2());
    Collection reader = fresh().collection("temperature");
    Collection lister = fresh().collection("temperature");
    assertThat(reader.head()).isNotNull(); // both handles list now; neither has read a commit yet
    assertThat(lister.head()).isNotNull();
    c.series("Brussels").write(f456());
    assertThat(c.trim(inOneHour())).isEqualTo(1);
    assertThat(reader.series("Brussels").frame().doubles("value")).containsExactly(11, 12, 13, 4, 5, 6);
    assertThat(lister.ls()).containsExactly("Brussels");
    assertThat(lister.head().path()).isEqualTo(c.head().path());
    // a handle that already read keeps its snapshot (SEMANTICS.md §11: log() is cached until refresh())
    Collection snapshot = fresh().collection("temperature");
    assertThat(snapshot.series("Brussels").frame().doubles("value")).containsExactly(11, 12, 13, 4, 5, 6);
  }

  @Test
  @DisplayName("CO-5 defrag")
  void co5() {
    Collection c = repo.createCollection(S2, "temperature");
    assertThat(c.defrag()).isEmpty();
    Series s = c.series("Brussels");
    s.write(f2());
    s.write(f456());
    String[] ts = new String[13];
    double[] vs = new double[13];
    for (int i = 0; i < 13; i++) {
      ts[i] = String.format("1970-01-01T00:00:%02d", i + 7);
      vs[i] = i + 7;
    }
    s.write(cols("timestamp", ts, "value", vs));
    Frame before = s.frame();
    assertThat(c.defrag()).isEmpty();
    assertThat(revisionFiles(c)).isEqualTo(3);
    assertThat(c.defrag(1)).hasSize(1);
    assertThat(revisionFiles(c)).isEqualTo(4);
    assertThat(c.leafCommit().rows("Brussels")).hasSize(1);
    assertThat(s.frame()).isEqualTo(before);
    assertThatThrownBy(() -> c.defrag(0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Parameter 'maxChunk' must be bigger than 0");
  }

  @ParameterizedTest(name = "L={0} nbChunk={1}")
  @CsvSource({"10,1,1", "10,4,4", "10,8,1", "-7,1,1", "-7,4,4", "-7,8,8", "-2,1,1", "-2,4,4", "-2,8,4"})
  @DisplayName("CO-6 defrag thresholds (L: 10, pageLen - 7, pageLen / 2 written -2; pageLen set to 1000)")
  void co6(int l, int nbChunk, int segments) {
    Settings.get().pageLen(1000);
    int len = l == -7 ? 1000 - 7 : l == -2 ? 500 : l;
    Collection c = repo.createCollection(S1, "c");
    Series s = c.series("s");
    for (int i = 0; i < nbChunk; i++) {
      s.write(tv(range((long) i * len, (long) (i + 1) * len), drange(0, len)));
    }
    Frame before = s.frame();
    c.defrag(4);
    c.trim(inOneHour());
    assertThat(s.frame()).isEqualTo(before);
    assertThat(c.leafCommit().rows("s")).hasSize(segments);
    assertThat(revisionFiles(c)).isEqualTo(1);
  }

  @Test
  @DisplayName("BF-12 defrag keeps duplicated index values that straddle a page boundary")
  void bf12() {
    Settings.get().pageLen(2);
    Collection c = repo.createCollection(S1, "c");
    Series s = c.series("s");
    s.write(tv(longs(0), 0));
    s.write(tv(longs(1, 1, 1, 2), 1, 2, 3, 4));
    assertThat(c.defrag(1)).hasSize(1);
    Frame f = s.frame();
    assertThat(f.longs("timestamp")).containsExactly(0, 1, 1, 1, 2);
    assertThat(f.doubles("value")).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  @DisplayName("a defrag that a concurrent write overtakes starts again instead of hiding that write")
  void defragOvertaken() {
    Collection c = repo.createCollection(S1, "c");
    for (int i = 0; i < 6; i++) {
      c.series("s").write(tv(range(i * 200, i * 200 + 200), SyncContract.noise(60 + i, 200)));
    }
    java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean(true);
    Repo hooked = new Repo(new io.lakota.testing.HookPod(pod, path -> {
      if (armed.compareAndSet(true, false)) {
        // another writer, on the plain pod, commits while the defrag writes its first data file
        fresh().collection("c").series("s").write(tv(longs(500), 0.5));
      }
    }));
    Frame expected;
    assertThat(hooked.collection("c").defrag(1)).hasSize(1);
    assertThat(armed).isFalse();
    Collection reader = fresh().collection("c");
    expected = reader.series("s").query().at(reader.revisions().get(6)).frame();
    assertThat(reader.revisions()).hasSize(8);
    assertThat(reader.changelog().leafs()).hasSize(1);
    assertThat(reader.series("s").frame()).isEqualTo(expected);
    Frame f = reader.series("s").frame();
    assertThat(f.length()).isEqualTo(1200);
    assertThat(f.doubles("value")[500]).isEqualTo(0.5);
    assertThat(reader.leafCommit().rows("s")).hasSize(1);
  }

  @ParameterizedTest(name = "large={0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("R-7 garbage collection")
  void r7(boolean large) throws InterruptedException {
    int size = large ? 100_000 : 10;
    Collection c = repo.createCollection(S1, "a_collection");
    for (String label : List.of("label_a", "label_b")) {
      int offset = label.equals("label_a") ? 0 : 1;
      for (int i = offset; i < offset + 10; i++) {
        c.series(label).write(tv(range(i, i + size), drange(i + 100, i + 100 + size)));
      }
    }
    assertThat(c.merge()).isEmpty(); // a linear history
    assertCounts(repo.gc(), 0, 0);
    assertThat(c.ls()).containsExactly("label_a", "label_b");
    if (large) {
      c.defrag();
      c.trim(inOneHour());
      GcResult first = repo.gc();
      assertThat(first.hardDeleted()).isZero();
      assertThat(first.softDeleted()).isPositive();
      for (String label : List.of("label_a", "label_b")) {
        assertThat(c.series(label).length()).isEqualTo(100_009);
      }
      assertCounts(repo.gc(), 0, 0);
      Settings.get().timeoutSeconds(0);
      Thread.sleep(100);
      GcResult second = repo.gc();
      assertThat(second.hardDeleted()).isEqualTo(first.softDeleted());
      assertThat(second.softDeleted()).isZero();
      Settings.get().timeoutSeconds(timeout);
    }
    assertThat(fresh().collection("a_collection").ls()).containsExactly("label_a", "label_b");
  }

  static void assertCounts(GcResult r, long hard, long soft) {
    assertThat(r.hardDeleted()).as("hard deletions").isEqualTo(hard);
    assertThat(r.softDeleted()).as("soft deletions").isEqualTo(soft);
  }

  @Test
  @DisplayName("gc dry run lists what gc then does; a buried file referenced again is resurrected")
  void dryRunAndResurrection() {
    Collection c = repo.createCollection(S1, "c");
    Series s = c.series("s");
    s.write(tv(range(0, 1000), SyncContract.noise(5, 1000)));
    Revision old = c.changelog().leaf();
    byte[] oldPayload = c.changelog().read(old);
    Set<String> oldDigests = c.digests(List.of(old));
    s.write(tv(range(0, 1000), SyncContract.noise(6, 1000)));
    c.trim(inOneHour());

    List<String> files = files();
    GcResult dry = repo.gcDryRun();
    assertThat(dry.dryRun()).isTrue();
    assertThat(files()).isEqualTo(files);
    List<String> expected = new ArrayList<>();
    for (String d : oldDigests) {
      expected.add(HashedPath.of(d));
    }
    assertThat(dry.buriedPaths()).containsExactlyInAnyOrderElementsOf(expected);
    assertCounts(dry, 0, oldDigests.size());

    GcResult done = repo.gc();
    assertThat(done.buriedPaths()).containsExactlyInAnyOrderElementsOf(expected);
    for (String path : expected) {
      assertThat(pod.isFile(path)).isFalse();
    }

    // the old content committed again (as a late writer or a pull would): readable through the buried files
    c.changelog().commit(oldPayload, List.of(c.changelog().leaf().child()));
    Frame back = fresh().collection("c").series("s").frame();
    assertThat(back.doubles("value")).containsExactly(SyncContract.noise(5, 1000));
    GcResult dryAgain = repo.gcDryRun();
    assertThat(dryAgain.resurrected()).isEqualTo(oldDigests.size());
    GcResult again = repo.gc();
    assertThat(again.resurrected()).isEqualTo(oldDigests.size());
    assertCounts(again, 0, 0);
    for (String path : expected) {
      assertThat(pod.isFile(path)).isTrue();
    }
  }

  @Test
  @DisplayName("BF-20 gc leaves foreign files alone")
  void bf20() {
    repo.createCollection(S1, "c").series("s").write(tv(range(0, 1000), SyncContract.noise(20, 1000)));
    byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
    pod.write("README", text);
    pod.write("zz/foo", text);
    pod.write("ab/cd/foo", text);
    pod.write("ab/foo", text);
    List<String> files = files();
    assertCounts(repo.gc(), 0, 0);
    assertThat(files()).isEqualTo(files);
  }

  @Test
  @DisplayName("BF-18 trim never changes the leaf")
  void bf18() {
    SettableClock clock = new SettableClock(1_700_000_000_000L);
    Repo r = new Repo(pod, clock);
    Collection c = r.createCollection(S1, "c");
    Changelog log = c.changelog();
    String x = commit(log, "x", null);
    clock.advance(10);
    String z = commit(log, "z", null);
    clock.advance(10);
    commit(log, "L", z);
    clock.advance(10);
    String t = Hextime.of(clock.millis());
    clock.advance(10);
    String y = commit(log, "y", x);
    clock.advance(10);
    commit(log, "K", y);
    assertThat(names(c)).containsExactly("x", "y", "K", "z", "L");
    assertThat(c.trim(t)).isZero();
    assertThat(names(c)).containsExactly("x", "y", "K", "z", "L");
    assertThat(text(log, log.leaf())).isEqualTo("L");
  }

  /** Commits a text payload on {@code parent} (phi when null); returns the new child string. */
  static String commit(Changelog log, String payload, String parent) {
    List<String> parents = parent == null ? List.of(io.lakota.id.RevisionName.PHI) : List.of(parent);
    return log.commit(payload.getBytes(StandardCharsets.UTF_8), parents).get(0).child();
  }

  static String text(Changelog log, Revision r) {
    return new String(log.read(r), StandardCharsets.UTF_8);
  }

  static List<String> names(Collection c) {
    c.refresh();
    List<String> out = new ArrayList<>();
    for (Revision r : c.revisions()) {
      out.add(text(c.changelog(), r));
    }
    return out;
  }

  @Test
  @DisplayName("retention: the last N revisions, those newer than T, or both")
  void retention() {
    SettableClock clock = new SettableClock(1_700_000_000_000L);
    Repo r = new Repo(pod, clock);
    Collection c = r.createCollection(S1, "c");
    Series s = c.series("s");
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      times.add(clock.advance(1000));
      s.write(tv(longs(i), i));
    }
    Frame all = s.frame();
    assertThat(c.trim(Retention.lastRevisions(10))).isZero();
    assertThat(c.trim(Retention.lastRevisions(5))).isEqualTo(1);
    assertThat(c.trim(Retention.newerThan(times.get(2)))).isEqualTo(1);
    assertThat(c.trim(Retention.lastRevisions(1).orNewerThan(times.get(3)))).isEqualTo(1);
    assertThat(c.trim(Retention.newerThan(times.get(4)).orLastRevisions(3))).isZero();
    assertThat(c.revisions()).hasSize(3);
    assertThat(c.trim(Retention.newerThan(clock.advance(1000)))).isEqualTo(2); // the leaf is always kept
    assertThat(c.revisions()).hasSize(1);
    assertThat(s.frame()).isEqualTo(all);
    assertThatThrownBy(() -> Retention.lastRevisions(0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot keep 0 revisions: keep at least 1");
  }

  @ParameterizedTest(name = "toDelete={0}")
  @ValueSource(strings = {"eight", "zero", "eight zero", "seven", "foobar"})
  @DisplayName("R-1 / R-4 with a registry defrag")
  void registryDefrag(String toDelete) {
    Schema schema = RepositoryContract.SCHEMA;
    repo.createCollections(schema, "b", "c", "e");
    repo.createCollection(schema, "a");
    repo.createCollection(schema, "f");
    assertThat(repo.registry().defrag(1)).hasSize(1);
    repo.createCollection(schema, "d");
    assertThat(repo.ls()).containsExactly("a", "b", "c", "d", "e", "f");
    repo.delete("a", "b", "c", "d", "e", "f");
    for (String l : RepositoryContract.TEN) {
      repo.createCollection(schema, l);
    }
    List<String> gone = List.of(toDelete.split(" "));
    repo.delete(gone.toArray(new String[0]));
    repo.registry().defrag(1);
    List<String> expected = new ArrayList<>(RepositoryContract.TEN);
    expected.removeAll(gone);
    expected.sort(null);
    assertThat(fresh().ls()).isEqualTo(expected);
    for (String l : gone) {
      assertThat(fresh().collection(l)).isNull();
    }
  }
}
