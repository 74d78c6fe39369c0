package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.NotFoundException;
import io.lakota.errors.StorageException;
import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.id.HashedPath;
import io.lakota.storage.CachePod;
import io.lakota.storage.Pod;
import io.lakota.storage.file.FilePod;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.sync.SyncProgress;
import io.lakota.sync.SyncResult;
import io.lakota.testing.FailingPod;
import io.lakota.version.Revision;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pull and push, SEMANTICS.md §14 and §21.11 (SY-1 … SY-4), BF-13, BF-19, and the acceptance 3: an
 * interrupted pull leaves the destination readable and a second pull completes it.
 */
abstract class SyncContract extends ApiContract {
  private final boolean threaded = Settings.get().threaded();
  private final int pageLen = Settings.get().pageLen();

  @AfterEach
  void restoreSettings() {
    Settings.get().threaded(threaded).pageLen(pageLen);
  }

  /** Another repository on the same kind of backend. */
  Repo other(String name) {
    return new Repo(newPod(tmp.resolve(name)));
  }

  static List<String> files(Pod p) {
    List<String> all = new ArrayList<>(p.walk());
    all.sort(null);
    return all;
  }

  static long[] range(long from, long to) {
    long[] out = new long[(int) (to - from)];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }

  static double[] drange(long from, long to) {
    double[] out = new double[(int) (to - from)];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }

  /** Random values (seed logged in the name of the caller) that compress badly: stored as data files. */
  static double[] noise(long seed, int n) {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextDouble();
    }
    return out;
  }

  @ParameterizedTest(name = "large={0} threaded={1}")
  @CsvSource({"false,false", "false,true", "true,false", "true,true"})
  @DisplayName("SY-1 collection pull and push, local data kept, incompatible schema refused")
  void sy1(boolean large, boolean isThreaded) {
    Settings.get().threaded(isThreaded);
    int n = large ? 100_000 : 10;
    Collection rc = repo.createCollection(S1, "a_collection");
    Series rs = rc.series("a_series");
    for (int i = 0; i < 10; i++) {
      rs.write(tv(range(i, i + n), drange(i + 100, i + 100 + n)));
    }
    long topFolders = pod.ls().stream().filter(e -> e.matches("[0-9a-f]{2}")).count();
    if (large) {
      assertThat(topFolders).isGreaterThan(2);
    } else {
      assertThat(topFolders).isEqualTo(rc.path().startsWith("00") ? 1 : 2);
    }
    Frame expected = rs.frame();
    assertThat(expected.length()).isEqualTo(n + 9);

    Collection pulled = other("pulled").createCollection(S1, "a_collection");
    pulled.pull(rc);
    assertThat(pulled.series("a_series").frame()).isEqualTo(expected);

    Collection pushed = other("pushed").createCollection(S1, "a_collection");
    rc.push(pushed);
    assertThat(pushed.series("a_series").frame()).isEqualTo(expected);
    assertThat(pushed.revisions()).hasSize(10);

    Collection mine = other("mine").createCollection(S1, "a_collection");
    // "written after the remote data": commit times along a chain may run a few milliseconds ahead of the clock
    // (CC5), so wait until the clock has passed the remote leaf's time
    long remoteLeaf = io.lakota.id.Hextime.millis(rc.head().epoch());
    while (System.currentTimeMillis() <= remoteLeaf) {
      Thread.onSpinWait();
    }
    mine.series("a_series").write(tv(range(0, 20), drange(0, 20)));
    mine.pull(rc);
    Frame own = mine.series("a_series").frame();
    assertThat(own.longs("timestamp")).containsExactly(range(0, 20));
    assertThat(own.doubles("value")).containsExactly(drange(0, 20));

    Repo bad = other("bad");
    bad.createCollection(Schema.parse("timestamp int*", "value int"), "a_collection");
    List<String> before = files(bad.pod());
    assertThatThrownBy(() -> bad.pull(repo))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Unable to sync collection \"a_collection\",incompatible meta-info.");
    assertThat(files(bad.pod())).isEqualTo(before);
  }

  @ParameterizedTest(name = "defrag={0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("SY-2 label delete push and pull")
  void sy2(boolean defrag) throws InterruptedException {
    Schema kv = Schema.builder().kv().column("timestamp", "int*").column("value", "float").build();
    Collection local = repo.createCollection(kv, "a_collection");
    for (String label : List.of("a", "b", "c", "d")) {
      local.series(label).write(tv(longs(1, 2, 3), 1, 2, 3));
    }
    Repo remoteRepo = other("remote");
    Collection remote = remoteRepo.createCollection(kv, "a_collection");
    local.push(remote);
    if (defrag) {
      remote.defrag();
    }
    assertThat(local.ls()).containsExactly("a", "b", "c", "d");
    assertThat(remote.ls()).containsExactly("a", "b", "c", "d");

    local.delete("c");
    local.push(remote);
    if (defrag) {
      // merge is a no-op on this linear history
      assertThat(remote.merge()).isEmpty();
      remote.defrag();
    } else {
      remote.refresh();
    }
    assertThat(local.ls()).containsExactly("a", "b", "d");
    assertThat(remote.ls()).containsExactly("a", "b", "d");

    Thread.sleep(100);
    remote.delete("d");
    local.pull(remote);
    if (defrag) {
      local.defrag();
    } else {
      local.refresh();
    }
    assertThat(local.ls()).containsExactly("a", "b");
    assertThat(remote.ls()).containsExactly("a", "b");
  }

  @Test
  @DisplayName("SY-3 defrag stability: both sides defragment to the same revisions")
  void sy3() {
    Repo remote = other("remote");
    remote.pull(repo);
    Collection local = repo.createCollection(S2, "a_collection");
    Series series = local.series("LABEL");
    for (int month = 1; month <= 10; month++) {
      LocalDate first = LocalDate.of(2020, month, 1);
      int days = first.lengthOfMonth();
      LocalDate[] dates = new LocalDate[days];
      double[] values = new double[days];
      for (int d = 0; d < days; d++) {
        dates[d] = first.plusDays(d);
        values[d] = month;
      }
      series.write(cols("timestamp", dates, "value", values));
    }
    repo.push(remote);
    Collection theirs = remote.collection("a_collection");
    assertThat(local.defrag()).hasSize(1);
    assertThat(theirs.defrag()).hasSize(1);
    assertThat(digestPairs(theirs)).isEqualTo(digestPairs(local)).hasSize(11);
    assertThat(theirs.series("LABEL").frame()).isEqualTo(series.frame());
  }

  static Set<String> digestPairs(Collection c) {
    c.refresh();
    Set<String> out = new HashSet<>();
    for (Revision r : c.revisions()) {
      out.add(r.parentDigest() + "." + r.childDigest());
    }
    return out;
  }

  @ParameterizedTest(name = "size={0} push={1} shallow={2}")
  @CsvSource({"10,false,false", "10,false,true", "10,true,false", "10,true,true", "-1,false,false",
      "-1,false,true", "-1,true,false", "-1,true,true"})
  @DisplayName("SY-4 shallow transfers copy the leaf only (size -1 = pageLen, set to 20 000 for speed)")
  void sy4(int size, boolean push, boolean shallow) {
    Settings.get().pageLen(20_000);
    int n = size < 0 ? Settings.get().pageLen() : size;
    Collection local = repo.createCollection(S1, "a_collection");
    Series s = local.series("s");
    s.write(tv(range(0, n), drange(0, n)));
    double[] twice = drange(0, n);
    for (int i = 0; i < n; i++) {
      twice[i] *= 2;
    }
    s.write(tv(range(0, n), twice));
    Collection remote = other("remote").createCollection(S1, "a_collection");
    if (push) {
      local.push(remote, shallow, SyncProgress.NONE);
    } else {
      remote.pull(local, shallow, SyncProgress.NONE);
    }
    assertThat(remote.revisions()).hasSize(shallow ? 1 : 2);
    assertThat(remote.series("s").frame()).isEqualTo(s.frame());
  }

  @Test
  @DisplayName("BF-13 a collection created on both sides keeps its local folder and receives the remote history")
  void bf13() throws InterruptedException {
    Repo a = repo;
    Repo b = other("b");
    Collection ta = a.createCollection(S2, "temperature");
    Collection tb = b.createCollection(S2, "temperature");
    String[] aDates = {"2020-06-22", "2020-06-23", "2020-06-24", "2020-06-25", "2020-06-26", "2020-06-27"};
    ta.series("Brussels").write(cols("timestamp", aDates, "value", doubles(25, 24, 27, 31, 32, 30)));
    Thread.sleep(10);
    String[] bDates = {"2020-06-23", "2020-06-24", "2020-06-25", "2020-06-26", "2020-06-27", "2020-06-28"};
    double[] bValues = {24.2, 27.9, 31.0, 32.5, 30.1, 29.2};
    tb.series("Brussels").write(cols("timestamp", bDates, "value", bValues));

    a.pull(b);
    Repo reader = fresh();
    Collection t = reader.collection("temperature");
    assertThat(t.path()).isEqualTo(ta.path());
    assertThat(reader.ls()).containsExactly("temperature");
    List<Revision> log = t.revisions();
    assertThat(log).hasSize(2).allMatch(Revision::isLeaf);
    assertThat(log).extracting(Revision::parentDigest).containsOnly("0".repeat(40));
    assertThat(t.series("Brussels").frame().doubles("value")).containsExactly(bValues);
    // the registry merge and the row written back to keep A's folder end in one head: merging again keeps it
    assertThat(reader.registry().heads()).hasSize(1);
    assertThat(reader.merge()).isEmpty();
    assertThat(fresh().collection("temperature").path()).isEqualTo(ta.path());

    t.merge();
    t.refresh();
    assertThat(t.series("Brussels").frame().doubles("value")).containsExactly(25, 24.2, 27.9, 31.0, 32.5, 30.1, 29.2);
  }

  @Test
  @DisplayName("BF-19 a pull copies a data file the remote's gc buried, under its canonical name")
  void bf19() {
    Repo remote = other("remote");
    Collection rc = remote.createCollection(S1, "c");
    rc.series("s").write(tv(range(0, 1000), noise(19, 1000)));
    Set<String> digests = rc.digests(rc.revisions());
    assertThat(digests).isNotEmpty();
    String digest = digests.iterator().next();
    remote.pod().mv(HashedPath.of(digest), HashedPath.of(digest) + ".0123456789a", false);

    repo.pull(remote);
    assertThat(pod.isFile(HashedPath.of(digest))).isTrue();
    assertThat(fresh().collection("c").series("s").frame()).isEqualTo(rc.series("s").frame());
  }

  @Test
  @DisplayName("repository pull: every collection, the registry, a missing label refused")
  void repositoryPull() {
    Repo remote = other("remote");
    remote.createCollection(S1, "x").series("s").write(tv(longs(1, 2), 1, 2));
    remote.createCollection(S2, "y").series("t").write(f2());
    repo.createCollection(S1, "mine").series("m").write(tv(longs(5), 5));
    repo.pull(remote);
    Repo reader = fresh();
    assertThat(reader.ls()).containsExactly("mine", "x", "y");
    assertThat(reader.collection("x").path()).isEqualTo(remote.collection("x").path());
    assertThat(reader.collection("x").series("s").frame().doubles("value")).containsExactly(1, 2);
    assertThat(reader.collection("y").series("t").frame().doubles("value")).containsExactly(11, 12, 13);
    assertThat(reader.collection("mine").series("m").frame().doubles("value")).containsExactly(5);
    // both sides created collections: the registry forked and was merged (one content on every leaf)
    assertThat(reader.registry().changelog().leafs()).extracting(Revision::childDigest).hasSize(2).containsOnly(
        reader.registry().changelog().leaf().childDigest());

    assertThatThrownBy(() -> repo.pull(remote, List.of("nope"), false, SyncProgress.NONE))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Collection \"nope\" not found");

    Repo back = other("back");
    repo.push(back, List.of("x"), false, SyncProgress.NONE);
    assertThat(back.collection("x").series("s").frame().doubles("value")).containsExactly(1, 2);
  }

  @Test
  @DisplayName("a collection deleted locally after a pull stays deleted when pulling again")
  void localDeletionWins() {
    Repo remote = other("remote");
    remote.createCollection(S1, "x").series("s").write(tv(longs(1, 2), 1, 2));
    remote.createCollection(S1, "y").series("s").write(tv(longs(3), 3));
    repo.pull(remote);
    String path = repo.collection("x").path();
    repo.delete("x");
    repo.pull(remote);
    Repo reader = fresh();
    assertThat(reader.ls()).containsExactly("y");
    assertThat(pod.isDir(path)).isFalse();
    assertThat(reader.collection("y").series("s").frame().doubles("value")).containsExactly(3);
  }

  static Map<String, Object> f2() {
    return CollectionContract.f2();
  }

  @Test
  @DisplayName("pulls are incremental: only missing objects are copied, a second pull copies nothing")
  void incremental() {
    Repo remote = other("remote");
    Collection rc = remote.createCollection(S1, "c");
    rc.series("s").write(tv(range(0, 1000), noise(1, 1000)));
    rc.series("s").write(tv(range(1000, 2000), noise(2, 1000)));
    SyncResult first = repo.pull(remote);
    int dataFiles = rc.digests(rc.revisions()).size();
    assertThat(first).isEqualTo(new SyncResult(dataFiles, 3)); // 2 collection revisions + 1 registry revision
    assertThat(repo.pull(remote)).isEqualTo(SyncResult.EMPTY);

    rc.series("s").write(tv(range(2000, 3000), noise(3, 1000)));
    Set<String> newDigests = rc.digests(List.of(rc.changelog().leaf()));
    newDigests.removeAll(rc.digests(rc.revisions().subList(0, 2)));
    assertThat(repo.pull(remote)).isEqualTo(new SyncResult(newDigests.size(), 1));
    assertThat(fresh().collection("c").series("s").length()).isEqualTo(3000);
  }

  @Test
  @DisplayName("the progress callback reports every copied object, per collection")
  void progress() {
    Repo remote = other("remote");
    Collection rc = remote.createCollection(S1, "c");
    rc.series("s").write(tv(range(0, 1000), noise(7, 1000)));
    Map<String, List<Long>> done = new HashMap<>();
    Map<String, Long> totals = new HashMap<>();
    SyncResult result = repo.pull(remote, List.of(), false, (label, d, total) -> {
      done.computeIfAbsent(label, k -> new ArrayList<>()).add(d);
      totals.put(label, total);
    });
    assertThat(done.keySet()).containsExactlyInAnyOrder("c", "registry");
    long c = rc.digests(rc.revisions()).size() + 1;
    assertThat(totals.get("c")).isEqualTo(c);
    assertThat(done.get("c")).isEqualTo(range(0, c + 1).length == 0 ? List.of() : toList(range(0, c + 1)));
    assertThat(done.get("registry")).containsExactly(0L, 1L);
    assertThat(result.dataFiles() + result.revisions()).isEqualTo(c + 1);
  }

  static List<Long> toList(long[] a) {
    List<Long> out = new ArrayList<>();
    for (long x : a) {
      out.add(x);
    }
    return out;
  }

  @Test
  @DisplayName("sync between different backends and through a cache chain")
  void acrossBackends() {
    Repo memory = new Repo(new MemoryPod());
    Repo folder = new Repo(new FilePod(tmp.resolve("folder")));
    Repo chain = new Repo(new CachePod(MemoryPod.withLru(1 << 20), newPod(tmp.resolve("chained"))));
    repo.createCollection(S1, "c").series("s").write(tv(range(0, 1000), noise(3, 1000)));
    Frame expected = repo.collection("c").series("s").frame();
    memory.pull(repo);
    memory.push(folder);
    folder.push(chain);
    Repo chainReader = new Repo(((CachePod) chain.pod()).remote());
    for (Repo r : List.of(memory, folder, chain, chainReader)) {
      assertThat(r.collection("c").series("s").frame()).isEqualTo(expected);
    }
  }

  /**
   * Acceptance 3 of the issue: a pull interrupted after each possible number of writes leaves the destination
   * readable — at its previous state while data files are copied, at a state of the remote history while
   * revision files are — and pulling again completes it.
   */
  @Test
  @DisplayName("an interrupted pull leaves the destination readable; pulling again completes it")
  void interruptedPull() {
    Repo remote = other("remote");
    Collection rc = remote.createCollection(S1, "c");
    Series rs = rc.series("s");
    rs.write(tv(range(0, 500), noise(31, 500)));
    Repo base = other("base");
    base.pull(remote);
    Frame previous = base.collection("c").series("s").frame();
    List<Frame> states = new ArrayList<>(List.of(previous));
    for (int i = 1; i <= 3; i++) {
      rs.write(tv(range(500 * i, 500 * i + 500), noise(31 + i, 500)));
      states.add(rs.frame());
    }
    rc.series("other").write(tv(range(0, 300), noise(40, 300)));
    Frame finalS = rs.frame();
    Frame finalOther = rc.series("other").frame();

    // how many writes a full pull makes
    Pod probe = newPod(tmp.resolve("probe"));
    copyRepo(base.pod(), probe);
    FailingPod counter = new FailingPod(probe, Integer.MAX_VALUE);
    new Repo(counter).pull(remote);
    int[] writes = {counter.attempts()};
    int dataFiles = rc.digests(rc.revisions()).size() - base.collection("c").digests(
        base.collection("c").revisions()).size();
    assertThat(writes[0]).isEqualTo(dataFiles + 4); // + 4 revisions of c, the registry is unchanged

    for (int allowed = 0; allowed < writes[0]; allowed++) {
      Pod target = newPod(tmp.resolve("t" + allowed));
      copyRepo(base.pod(), target);
      Repo failing = new Repo(new FailingPod(target, allowed));
      assertThatThrownBy(() -> failing.pull(remote)).isInstanceOf(StorageException.class)
          .hasMessageContaining("injected failure");
      Repo reader = new Repo(target);
      Frame seen = reader.collection("c").series("s").frame();
      if (allowed < dataFiles) {
        assertThat(seen).isEqualTo(previous);
        assertThat(reader.collection("c").ls()).containsExactly("s");
      } else {
        assertThat(states).contains(seen);
      }
      reader.pull(remote);
      Repo done = new Repo(target);
      assertThat(done.collection("c").series("s").frame()).isEqualTo(finalS);
      assertThat(done.collection("c").series("other").frame()).isEqualTo(finalOther);
      assertThat(done.collection("c").revisions()).hasSize(5);
    }
  }

  static void copyRepo(Pod from, Pod to) {
    for (String p : from.walk()) {
      if (!p.startsWith(".")) {
        to.write(p, from.read(p));
      }
    }
  }
}
