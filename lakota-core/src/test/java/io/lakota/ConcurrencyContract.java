package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Schema;
import io.lakota.id.Digests;
import io.lakota.id.Hextime;
import io.lakota.id.RevisionName;
import io.lakota.testing.SettableClock;
import io.lakota.version.Backoff;
import io.lakota.version.Changelog;
import io.lakota.version.CommitAttempt;
import io.lakota.version.Revision;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers (issue 4, acceptance 2; SEMANTICS.md CH-3, CC-1): on backends with a commit capability our
 * writers never fork; on the others they fork and merge at once. Either way, once every writer is done the
 * collection has one head and nobody's data is lost.
 */
abstract class ConcurrencyContract extends ApiContract {
  static final Schema MINUTES = Schema.parse("timestamp timestamp*", "value int");
  static final long SEED = 20260401L;
  static final int FIRST_YEAR = 2000;
  static final int YEARS = 20;
  static final long ROWS = 10_519_200L;

  /** True when the backend lets writers commit conditionally (no fork ever appears). */
  protected abstract boolean isConditional();

  static byte[] payload(String word) {
    return (Digests.sha1(word.getBytes(StandardCharsets.UTF_8)) + " 1234 Doe").getBytes(StandardCharsets.UTF_8);
  }

  /** One-minute timestamps (epoch seconds) of a calendar year, UTC, and seeded random values. */
  static Map<String, Object> year(int y) {
    long from = LocalDate.of(y, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long to = LocalDate.of(y + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    int n = (int) ((to - from) / 60);
    long[] ts = new long[n];
    long[] values = new long[n];
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + y);
    for (int i = 0; i < n; i++) {
      ts[i] = from + 60L * i;
      values[i] = random.nextLong(1000);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", ts);
    m.put("value", values);
    return m;
  }

  static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> t : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          return t.call();
        }));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every revision's hextime is after its parent's (LOADCURVE.md CC5). */
  static void assertTimesIncrease(List<Revision> log) {
    for (Revision r : log) {
      if (!r.parent().equals(RevisionName.PHI)) {
        assertThat(r.epoch()).as(r.path()).isGreaterThan(RevisionName.epoch(r.parent()));
      }
    }
  }

  @Test
  @DisplayName("CH-3 five changelogs commit concurrently: every payload is recoverable")
  void fiveChangelogs() throws Exception {
    List<String> words = List.of("ham", "spam", "foo", "bar", "baz");
    List<Callable<List<Revision>>> tasks = new ArrayList<>();
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    for (String w : words) {
      long sleep = random.nextLong(20);
      Changelog log = new Changelog(pod.cd("changelog"), Clock.systemUTC());
      tasks.add(() -> {
        Thread.sleep(sleep);
        return log.commit(payload(w), null);
      });
    }
    runAll(tasks);
    Changelog reader = new Changelog(pod.cd("changelog"), Clock.systemUTC());
    assertThat(pod.ls("changelog", false)).hasSize(5);
    List<byte[]> found = new ArrayList<>();
    for (Revision r : reader.log()) {
      found.add(reader.read(r));
    }
    assertThat(found).extracting(b -> new String(b, StandardCharsets.UTF_8))
        .containsExactlyInAnyOrderElementsOf(words.stream().map(w -> new String(payload(w), StandardCharsets.UTF_8))
            .toList());
    if (isConditional()) {
      assertThat(reader.leafs()).hasSize(1); // the leaf is taken under the commit lock: a chain of 5
      assertTimesIncrease(reader.log());
    }
  }

  @Test
  @DisplayName("conditional commits of five changelogs: the losers retry on the new head, none forks")
  void fiveConditionalChangelogs() throws Exception {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (String w : List.of("ham", "spam", "foo", "bar", "baz")) {
      Changelog log = new Changelog(pod.cd("changelog"), Clock.systemUTC());
      tasks.add(() -> {
        for (int attempt = 1; ; attempt++) {
          CommitAttempt a = log.commitIf(payload(w), log.leaf());
          if (a.isCommitted()) {
            return attempt;
          }
          Backoff.pause(attempt);
        }
      });
    }
    runAll(tasks);
    Changelog reader = new Changelog(pod.cd("changelog"), Clock.systemUTC());
    assertThat(reader.log()).hasSize(5);
    if (isConditional()) {
      assertThat(reader.leafs()).hasSize(1);
      assertTimesIncrease(reader.log());
    }
  }

  @Test
  @DisplayName("a stale expected head is a lock failure that writes nothing")
  void staleHeadIsALockFailure() {
    Changelog a = new Changelog(pod.cd("changelog"), Clock.systemUTC());
    Changelog b = new Changelog(pod.cd("changelog"), Clock.systemUTC());
    assertThat(a.commitIf(payload("ham"), null).isCommitted()).isTrue();
    CommitAttempt lost = b.commitIf(payload("spam"), null);
    assertThat(lost.result()).isEqualTo(io.lakota.storage.CommitResult.LOCK_FAILURE);
    assertThat(lost.revisions()).isEmpty();
    assertThat(pod.ls("changelog", false)).hasSize(1);
    assertThat(b.commitIf(payload("spam"), b.leaf()).isCommitted()).isTrue();
    assertThat(b.log()).hasSize(2);
    assertThat(b.leafs()).hasSize(1);
  }

  @Test
  @DisplayName("CC-1 twenty writers, one year each, into one series: one head, every row")
  void twentyWriters() throws Exception {
    repo.createCollection(MINUTES, "c");
    List<Callable<List<Revision>>> tasks = new ArrayList<>();
    for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
      int year = y;
      Repo own = fresh();
      tasks.add(() -> own.collection("c").series("s").write(year(year)));
    }
    List<List<Revision>> written = runAll(tasks);
    assertThat(written).allSatisfy(revs -> assertThat(revs).isNotEmpty());
    Collection c = fresh().collection("c");
    assertThat(c.heads()).hasSize(1);
    if (isConditional()) {
      assertThat(c.changelog().log()).hasSize(YEARS);
      assertThat(c.changelog().leafs()).hasSize(1);
      assertTimesIncrease(c.changelog().log());
    }
    assertThat(c.merge()).isEmpty();
    Series s = c.series("s");
    assertThat(s.length()).isEqualTo(ROWS);
    assertThat(s.query().start("2015-01-01").stop("2015-01-02").frame().length()).isEqualTo(1440);
    assertThat(s.query().start("2015-12-31").stop("2016-01-02").frame().length()).isEqualTo(2880);
    assertThat(s.query().start("2000-01-01").stop("2000-01-01T00:03").frame().longs("value"))
        .containsExactly(((long[]) year(2000).get("value"))[0], ((long[]) year(2000).get("value"))[1],
            ((long[]) year(2000).get("value"))[2]);
    assertThat(repo.ls()).containsExactly("c");
  }

  @Test
  @DisplayName("CC-1 twenty writers while trim, defrag, squash and gc run in a loop: one head, no row lost")
  void twentyWritersWithMaintenance() throws Exception {
    int pageLen = Settings.get().pageLen();
    // pages longer than a year: every one-year segment is "small", so defrag has work whenever the head moved
    Settings.get().pageLen(600_000);
    try {
      repo.createCollection(MINUTES, "c");
      CountDownLatch writing = new CountDownLatch(YEARS);
      List<Callable<Object>> tasks = new ArrayList<>();
      for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
        int year = y;
        Repo own = fresh();
        tasks.add(() -> {
          try {
            return own.collection("c").series("s").write(year(year));
          } finally {
            writing.countDown();
          }
        });
      }
      List<MaintenanceLoop> loops = List.of(new MaintenanceLoop(fresh(), "c", true),
          new MaintenanceLoop(fresh(), "c", false));
      for (MaintenanceLoop loop : loops) {
        tasks.add(() -> loop.runUntil(period -> writing.await(period.toMillis(), TimeUnit.MILLISECONDS),
            Duration.ofMillis(50)));
      }
      long t0 = System.nanoTime();
      List<Object> results = runAll(tasks);
      long t1 = System.nanoTime();
      assertThat(results.subList(0, YEARS)).allSatisfy(revs -> assertThat((List<?>) revs).isNotEmpty());
      assertEveryRow(fresh().collection("c"), isConditional());
      System.getLogger("lakota").log(System.Logger.Level.INFO,
          "twentyWritersWithMaintenance on {0}: {1}; writing {2} ms, checking {3} ms", pod.kind(), loops,
          (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    } finally {
      Settings.get().pageLen(pageLen);
    }
  }

  /**
   * After the writers of one year each: one head, exactly {@link #ROWS} rows, every year's values as written, and
   * range reads of one and two days.
   */
  static void assertEveryRow(Collection c, boolean conditional) {
    assertThat(c.heads()).hasSize(1);
    if (conditional) {
      assertThat(c.changelog().leafs()).hasSize(1);
    }
    assertTimesIncrease(c.changelog().log());
    assertThat(c.merge()).isEmpty();
    Series s = c.series("s");
    assertThat(s.length()).isEqualTo(ROWS);
    for (int y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
      long[] expected = (long[]) year(y).get("value");
      long[] found = s.query().start(y + "-01-01").stop((y + 1) + "-01-01").frame().longs("value");
      assertThat(found.length).as("rows of %d", y).isEqualTo(expected.length);
      assertThat(Arrays.equals(found, expected)).as("values of %d", y).isTrue();
    }
    assertThat(s.query().start("2015-01-01").stop("2015-01-02").frame().length()).isEqualTo(1440);
    assertThat(s.query().start("2015-12-31").stop("2016-01-02").frame().length()).isEqualTo(2880);
  }

  @Test
  @DisplayName("a handle whose cached head was overtaken, then trimmed away, still writes: on the new head")
  void staleHeadTrimmedAway() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1), 1));
    Collection stale = fresh().collection("c");
    Revision cached = stale.head(); // caches the log, not the commit
    fresh().collection("c").series("s").write(tv(longs(2), 2));
    assertThat(fresh().collection("c").trim(MaintenanceContract.inOneHour())).isEqualTo(1);
    List<Revision> written = stale.series("s").write(tv(longs(3), 3));
    assertThat(written).hasSize(1);
    assertThat(written.get(0).parent()).isNotEqualTo(cached.child());
    Collection reader = fresh().collection("c");
    assertThat(reader.changelog().log()).hasSize(2);
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("a key/value upsert on a head that was overtaken, then trimmed away: retried on the new head")
  void staleKeyValueHeadTrimmedAway() {
    Schema kv = Schema.builder().kv().column("category", "str*").column("value", "int").build();
    repo.createCollection(kv, "kv").series("x").write(cols("category", new String[] {"a"}, "value", longs(1)));
    Collection stale = fresh().collection("kv");
    Revision cached = stale.head(); // caches the log, not the commit
    fresh().collection("kv").series("x").write(cols("category", new String[] {"b"}, "value", longs(2)));
    assertThat(fresh().collection("kv").trim(MaintenanceContract.inOneHour())).isEqualTo(1);
    List<Revision> written = stale.series("x").write(cols("category", new String[] {"c"}, "value", longs(3)));
    assertThat(written).hasSize(1);
    assertThat(written.get(0).parent()).isNotEqualTo(cached.child());
    Collection reader = fresh().collection("kv");
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.series("x").frame().longs("value")).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("a writer whose clock is behind the head's commit time still commits after its parent (CC5)")
  void slowClockCommitsAfterItsParent() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1), 1));
    Revision parent = fresh().collection("c").head();
    // a writer whose clock reads one hour before the head's commit time
    SettableClock slow = new SettableClock(Hextime.millis(parent.epoch()) - 3_600_000L);
    Repo late = new Repo(pod, slow);
    List<Revision> written = late.collection("c").series("s").write(tv(longs(2), 2));
    assertThat(written).hasSize(1);
    Revision child = written.get(0);
    assertThat(child.parent()).isEqualTo(parent.child());
    assertThat(Hextime.millis(child.epoch())).isEqualTo(Hextime.millis(parent.epoch()) + 1);
    // and again on top of it, the clock still an hour behind
    Revision grandchild = late.collection("c").series("s").write(tv(longs(3), 3)).get(0);
    assertThat(Hextime.millis(grandchild.epoch())).isEqualTo(Hextime.millis(parent.epoch()) + 2);
    Collection reader = fresh().collection("c");
    assertThat(reader.changelog().log()).hasSize(3);
    assertThat(reader.changelog().leafs()).hasSize(1);
    assertTimesIncrease(reader.changelog().log());
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(1, 2, 3);
    // time travel follows the chain: before the grandchild's time, the child's content
    assertThat(reader.series("s").query().before(grandchild.epoch()).frame().doubles("value")).containsExactly(1, 2);
  }

  @Test
  @DisplayName("collections created concurrently: one registry head, every collection listed")
  void concurrentCreations() throws Exception {
    List<Callable<Collection>> tasks = new ArrayList<>();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 8; i++) {
      String label = "c" + i;
      expected.put(label, i);
      Repo own = fresh();
      tasks.add(() -> own.createCollection(S1, label));
    }
    runAll(tasks);
    Repo r = fresh();
    assertThat(r.registry().heads()).hasSize(1);
    assertThat(r.ls()).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7");
  }

  @Test
  @DisplayName("key/value upserts over overlapping key ranges: a retry re-reads the head, no key is lost")
  void overlappingRegistryUpserts() throws Exception {
    Assumptions.assumeTrue(isConditional(), "without compare-and-set overlapping writes resolve by creation order");
    List<Callable<List<Collection>>> tasks = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String first = "a" + i;
      String last = "z" + i;
      expected.add(first);
      expected.add(last);
      Repo own = fresh();
      tasks.add(() -> own.createCollections(S1, first, last));
    }
    runAll(tasks);
    expected.sort(null);
    assertThat(fresh().ls()).containsExactlyElementsOf(expected);
    assertThat(fresh().registry().changelog().log()).hasSize(8);
  }

  @Test
  @DisplayName("one label created by eight writers at once: one folder for all, or one winner and seven refusals")
  void sameLabelCreatedConcurrently() throws Exception {
    Assumptions.assumeTrue(isConditional(), "without compare-and-set concurrent creations fork the registry");
    List<Callable<String>> lenient = new ArrayList<>();
    List<Callable<String>> strict = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Repo own = fresh();
      Repo own2 = fresh();
      lenient.add(() -> own.createCollection(S1, "x", false).path());
      strict.add(() -> {
        try {
          return own2.createCollection(S1, "y", true).path();
        } catch (io.lakota.errors.ValidationException e) {
          return e.getMessage();
        }
      });
    }
    List<String> paths = runAll(lenient);
    assertThat(new java.util.HashSet<>(paths)).containsExactly(fresh().collection("x").path());
    List<String> outcomes = runAll(strict);
    assertThat(outcomes).filteredOn(o -> o.equals(fresh().collection("y").path())).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o.equals("Collection with label 'y' already exists")).hasSize(7);
    assertThat(fresh().registry().changelog().log()).hasSize(2);
  }

  @Test
  @DisplayName("CC3 batch.commit(expectedHead): a stale head is a lock failure, the new head commits")
  void conditionalBatch() {
    Collection c = repo.createCollection(S1, "c");
    assertThat(c.head()).isNull();
    Collection other = fresh().collection("c");
    other.series("s").write(tv(longs(1), 1));
    CommitAttempt lost;
    try (Batch b = c.multi()) {
      c.series("s").write(tv(longs(2), 2));
      c.series("t").write(tv(longs(3), 3));
      lost = b.commit((Revision) null);
    }
    assertThat(lost.result()).isEqualTo(io.lakota.storage.CommitResult.LOCK_FAILURE);
    assertThat(revisionFiles(c)).isEqualTo(1);
    c.refresh();
    Revision head = c.head();
    CommitAttempt won;
    try (Batch b = c.multi()) {
      c.series("s").write(tv(longs(2), 2));
      c.series("t").write(tv(longs(3), 3));
      won = b.commit(head);
    }
    assertThat(won.isCommitted()).isTrue();
    assertThat(won.revisions()).hasSize(1);
    assertThat(won.revisions().get(0).parent()).isEqualTo(head.child());
    Collection reader = fresh().collection("c");
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(1, 2);
    assertThat(reader.series("t").frame().doubles("value")).containsExactly(3);
  }

  @Test
  @DisplayName("a handle with a stale head: the commit lands on the new head (or forks and merges at once)")
  void staleHandle() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1, 2, 3, 4), 0, 0, 0, 0));
    Collection ha = fresh().collection("c");
    Collection hb = fresh().collection("c");
    ha.series("s").frame();
    hb.series("s").frame();
    ha.series("s").write(tv(longs(2), 2));
    assertThat(hb.series("s").write(tv(longs(3), 3))).isNotEmpty();
    Collection reader = fresh().collection("c");
    assertThat(reader.heads()).hasSize(1);
    assertThat(reader.series("s").frame().doubles("value")).containsExactly(0, 2, 3, 0);
    // the head is checked before the commit (under the lock, on the ref, or by a listing on plain pods)
    assertThat(reader.changelog().log()).hasSize(3);
    assertThat(reader.changelog().leafs()).hasSize(1);
  }
}
