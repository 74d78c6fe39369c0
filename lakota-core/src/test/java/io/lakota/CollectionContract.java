package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.version.Revision;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Collection semantics, SEMANTICS.md §21.4 (CO-*, merge/squash/trim/defrag excepted) and batches (§17, BF-5). */
abstract class CollectionContract extends ApiContract {
  /** SEMANTICS.md §21 {@code F2}: 1970-01-01T00:00:01 … 03 → 11, 12, 13. */
  static Map<String, Object> f2(double... values) {
    return cols("timestamp", new String[] {"1970-01-01T00:00:01", "1970-01-01T00:00:02", "1970-01-01T00:00:03"},
        "value", values.length == 0 ? new double[] {11, 12, 13} : values);
  }

  static void assertF2(Frame f, double... values) {
    assertThat(f.localDateTimes("timestamp")).containsExactly(LocalDateTime.of(1970, 1, 1, 0, 0, 1),
        LocalDateTime.of(1970, 1, 1, 0, 0, 2), LocalDateTime.of(1970, 1, 1, 0, 0, 3));
    assertThat(f.doubles("value")).containsExactly(values.length == 0 ? new double[] {11, 12, 13} : values);
  }

  @Test
  @DisplayName("CO-1 create, write, read back, create again")
  void create() {
    Collection temperature = repo.createCollection(S2, "temperature");
    temperature.series("Brussels").write(f2());
    Repo other = fresh();
    assertF2(other.collection("temperature").series("Brussels").frame());
    assertThat(other.ls()).containsExactly("temperature");
    assertThat(other.collection("temperature").ls()).containsExactly("Brussels");
    assertThatThrownBy(() -> repo.createCollection(S2, "temperature"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Collection with label 'temperature' already exists");
    Collection again = repo.createCollection(S2, "temperature", false);
    assertThat(again.path()).isEqualTo(temperature.path());
    assertThat(repo.ls()).containsExactly("temperature");
    assertThat(pod.ls(Repo.REGISTRY_PATH, false)).hasSize(1);
    List<Collection> both = repo.createCollections(S2, false, "temperature", "wind");
    assertThat(both).extracting(Collection::label).containsExactly("temperature", "wind");
    assertThat(repo.ls()).containsExactly("temperature", "wind");
    assertThat(pod.ls(Repo.REGISTRY_PATH, false)).hasSize(2);
  }

  @Test
  @DisplayName("CO-2 two series, one registry revision, two collection revisions")
  void twoSeries() {
    Collection temperature = repo.createCollection(S2, "temperature");
    temperature.series("Brussels").write(f2());
    temperature.series("Paris").write(f2(21, 22, 23));
    assertF2(temperature.series("Brussels").frame());
    assertF2(temperature.series("Paris").frame(), 21, 22, 23);
    assertThat(pod.ls(Repo.REGISTRY_PATH, false)).hasSize(1);
    assertThat(revisionFiles(temperature)).isEqualTo(2);
    assertThat(temperature.ls()).containsExactly("Brussels", "Paris");
    List<String> iterated = new ArrayList<>();
    for (Series s : temperature) {
      iterated.add(s.label());
    }
    assertThat(iterated).containsExactly("Brussels", "Paris");
  }

  @Test
  @DisplayName("CO-11 delete a series")
  void deleteSeries() {
    Collection temperature = repo.createCollection(S2, "temperature");
    temperature.series("Brussels").write(tv(longs(1, 2, 3), 11, 12, 13));
    assertThat(temperature.ls()).containsExactly("Brussels");
    assertThat(temperature.delete("Brussels")).hasSize(1);
    assertThat(temperature.ls()).isEmpty();
    assertThat(temperature.series("Brussels").frame().length()).isZero();
    assertThat(temperature.delete("Brussels")).isEmpty();
    assertThat(repo.createCollection(S2, "empty").delete("x")).isEmpty();
  }

  @Test
  @DisplayName("CO-12 copy then delete each series")
  void deleteAndRecreate() {
    Collection temperature = repo.createCollection(S2, "temperature");
    String[] cities = {"Paris", "Brussels", "London", "Berlin"};
    for (String c : cities) {
      temperature.series(c).write(tv(longs(1, 2, 3), 11, 12, 13));
    }
    for (String c : cities) {
      temperature.series("New " + c).write(temperature.series(c).frame());
      temperature.delete(c);
    }
    assertThat(temperature.ls()).containsExactly("New Berlin", "New Brussels", "New London", "New Paris");
    for (String c : cities) {
      Frame f = fresh().collection("temperature").series("New " + c).frame();
      assertThat(f.longs("timestamp")).containsExactly(1, 2, 3);
      assertThat(f.doubles("value")).containsExactly(11, 12, 13);
    }
  }

  @Test
  @DisplayName("CO-13 rename series")
  void renameSeries() {
    Collection temperature = repo.createCollection(S2, "temperature");
    temperature.series("Brussels").write(f2());
    temperature.series("Paris").write(f2(21, 22, 23));
    temperature.rename("Brussels", "Rome");
    assertThat(temperature.ls()).containsExactly("Paris", "Rome");
    assertF2(temperature.series("Rome").frame());
    temperature.rename("Rome", "Brussels");
    assertThat(temperature.ls()).containsExactly("Brussels", "Paris");
    temperature.rename("Paris", "Brussels");
    assertThat(temperature.ls()).containsExactly("Brussels");
    assertF2(temperature.series("Brussels").frame(), 21, 22, 23);
    assertThat(temperature.rename("nothing", "x")).isEmpty();
  }

  @Test
  @DisplayName("rename keeps the rows of the target outside the renamed ranges")
  void renameOntoPartialOverlap() {
    Collection c = repo.createCollection(S1, "c");
    c.series("a").write(tv(longs(3, 4), 30, 40));
    c.series("b").write(tv(longs(1, 2, 3, 4, 5), 1, 2, 3, 4, 5));
    c.rename("a", "b");
    Frame f = c.series("b").frame();
    assertThat(f.longs("timestamp")).containsExactly(1, 2, 3, 4, 5);
    assertThat(f.doubles("value")).containsExactly(1, 2, 30, 40, 5);
  }

  @Test
  @DisplayName("CO-14, BF-5 an exception in a batch commits nothing and the handle writes normally after it")
  void batchAtomicity() {
    Collection temperature = repo.createCollection(S2, "temperature");
    temperature.series("Brussels").write(f2());
    assertThatThrownBy(() -> {
      try (Batch batch = temperature.multi()) {
        assertThat(temperature.series("Paris").write(f2())).isEmpty();
        assertThat(batch.size()).isEqualTo(1);
        throw new IllegalStateException("boom");
      }
    }).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThat(temperature.series("Paris").frame().isEmpty()).isTrue();
    assertThat(temperature.series("Brussels").frame().isEmpty()).isFalse();
    assertThat(revisionFiles(temperature)).isEqualTo(1);
    List<Revision> revs = temperature.series("Paris").write(f2());
    assertThat(revs).hasSize(1);
    assertF2(fresh().collection("temperature").series("Paris").frame());
    assertThatThrownBy(() -> temperature.multi(b -> {
      temperature.series("Rome").write(f2());
      throw new IllegalArgumentException("bad");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
    assertThat(temperature.ls()).containsExactly("Brussels", "Paris");
  }

  @ParameterizedTest(name = "SE-16 one-line writes, batched {0}")
  @ValueSource(booleans = {true, false})
  void oneLineWrites(boolean multi) {
    Collection c = repo.createCollection(S1, "-");
    String[] labels = {"ham", "spam", "foo"};
    if (multi) {
      try (Batch batch = c.multi()) {
        for (String l : labels) {
          c.series(l).write(tv(longs(0), 0));
        }
        // queued writes are not visible inside the batch
        assertThat(c.ls()).isEmpty();
        assertThat(batch.commit()).hasSize(1);
      }
      assertThat(revisionFiles(c)).isEqualTo(1);
    } else {
      for (String l : labels) {
        c.series(l).write(tv(longs(0), 0));
      }
      assertThat(revisionFiles(c)).isEqualTo(3);
    }
    assertThat(c.ls()).containsExactly("foo", "ham", "spam");
  }

  @Test
  @DisplayName("batches: in-order overlay, empty batch, root, no nesting, other handles, commit once")
  void batchRules() {
    Collection c = repo.createCollection(S1, "c");
    c.series("s").write(tv(longs(1, 2, 3), 1, 2, 3));
    List<Revision> revs = c.multi(b -> {
      c.series("s").write(tv(longs(2, 3), 20, 30));
      c.series("s").write(tv(longs(3, 4), 300, 400));
      c.series("t").write(tv(longs(9), 9));
    });
    assertThat(revs).hasSize(1);
    assertThat(c.series("s").frame().doubles("value")).containsExactly(1, 20, 300, 400);
    List<Revision> committedInside = c.multi(b -> {
      c.series("x").write(tv(longs(1), 1));
      b.commit();
    });
    assertThat(committedInside).hasSize(1);
    c.delete("x");
    assertThat(c.ls()).containsExactly("s", "t");
    try (Batch empty = c.multi()) {
      assertThat(empty.commit()).isEmpty();
      assertThat(empty.isCommitted()).isTrue();
      assertThatThrownBy(empty::commit)
          .isInstanceOf(ValidationException.class)
          .hasMessage("Cannot commit batch of collection \"c\": it is already committed");
      // after commit, writes through the handle are immediate again
      assertThat(c.series("u").write(tv(longs(5), 5))).hasSize(1);
    }
    try (Batch outer = c.multi()) {
      assertThatThrownBy(c::multi)
          .isInstanceOf(ValidationException.class)
          .hasMessage("Cannot open a batch on collection \"c\": this handle already has an open batch "
              + "(batches do not nest)");
      // another handle on the same collection is not batched
      Collection other = repo.collection("c");
      assertThat(other.series("v").write(tv(longs(6), 6))).hasSize(1);
      assertThat(outer.size()).isZero();
    }
    try (Batch root = c.multi(true)) {
      c.series("w").write(tv(longs(7), 7));
      assertThat(root.commit()).hasSize(1);
    }
    c.refresh();
    assertThat(c.changelog().leafs()).hasSize(2);
    assertThat(c.ls()).containsExactly("w");
  }

  @Test
  @DisplayName("a batch of another thread on the same handle waits for the first one to close")
  void batchesAreSerializedPerHandle() throws Exception {
    Collection c = repo.createCollection(S1, "c");
    CountDownLatch opened = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Batch first = c.multi();
      Future<Integer> second = pool.submit(() -> {
        opened.countDown();
        try (Batch b = c.multi()) {
          return b.size();
        }
      });
      opened.await();
      c.series("s").write(tv(longs(1), 1));
      assertThat(second.isDone()).isFalse();
      first.commit();
      first.close();
      assertThat(second.get(10, TimeUnit.SECONDS)).isZero();
    } finally {
      pool.shutdownNow();
    }
    assertThat(c.series("s").frame().longs("timestamp")).containsExactly(1);
  }

  @Test
  @DisplayName("CO-15 clone into another schema with renames and defaults")
  void cloneCollection() {
    for (String newType : new String[] {"str", "int", "float"}) {
      for (boolean rename : new boolean[] {false, true}) {
        for (boolean defaults : new boolean[] {false, true}) {
          for (boolean extraIndex : new boolean[] {false, true}) {
            String name = String.join("-", newType, "" + rename, "" + defaults, "" + extraIndex);
            cloneCase(name, newType, rename, defaults, extraIndex);
          }
        }
      }
    }
  }

  private void cloneCase(String name, String newType, boolean rename, boolean defaults, boolean extraIndex) {
    String valueName = rename ? "new_value" : "value";
    Schema target = Schema.parse("timestamp timestamp*", valueName + " float",
        "extra_col " + newType + (extraIndex ? "*" : ""));
    Collection source = repo.createCollection(S2, "src " + name);
    source.series("Brussels").write(f2());
    source.series("Paris").write(f2());
    Collection bis = repo.createCollection(target, "bis " + name);
    List<Revision> revs = source.clone(bis, rename ? Map.of("value", "new_value") : Map.of(),
        defaults ? Map.of("extra_col", 5) : Map.of());
    assertThat(revs).as(name).hasSize(1);
    assertThat(revs.get(0).parent()).isEqualTo(io.lakota.id.RevisionName.PHI);
    Frame f = fresh().collection("bis " + name).series("Brussels").frame();
    assertThat(f.longs("timestamp")).as(name).containsExactly(1, 2, 3);
    assertThat(f.doubles(valueName)).as(name).containsExactly(11, 12, 13);
    Object extra = f.column("extra_col");
    switch (newType) {
      case "str":
        assertThat((String[]) extra).as(name).containsExactly(defaults ? new String[] {"5", "5", "5"}
            : new String[] {"", "", ""});
        break;
      case "int":
        assertThat((long[]) extra).as(name).containsExactly(defaults ? new long[] {5, 5, 5} : new long[] {0, 0, 0});
        break;
      default:
        assertThat((double[]) extra).as(name).containsExactly(defaults ? new double[] {5, 5, 5}
            : new double[] {0, 0, 0});
    }
    assertThat(fresh().collection("bis " + name).ls()).containsExactly("Brussels", "Paris");
    assertThatThrownBy(() -> source.clone(bis, Map.of(), Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Clone can only be saved into an empty collection");
  }

  @Test
  @DisplayName("clone into another repository copies the data files it needs")
  void cloneAcrossPods() {
    Collection source = repo.createCollection(S1, "src");
    long[] ts = new long[2000];
    double[] vs = new double[2000];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = i;
      vs[i] = Math.sin(i);
    }
    source.series("big").write(tv(ts, vs));
    Repo other = new Repo(new MemoryPod());
    Collection dst = other.createCollection(Schema.builder().index("timestamp", Dtype.INT64)
        .column("value", Dtype.FLOAT64).column("flag", Dtype.BOOL).build(), "dst");
    source.clone(dst, null, Map.of("flag", true));
    Frame f = dst.series("big").frame();
    assertThat(f.longs("timestamp")).containsExactly(ts);
    assertThat(f.doubles("value")).containsExactly(vs);
    assertThat(f.booleans("flag")).hasSize(2000).containsOnly(true);
    assertThatThrownBy(() -> source.clone(other.createCollection(S1, "x"), Map.of("value", "nope"), Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot clone collection \"src\" into \"x\": the new name \"nope\" of column \"value\" is not a "
            + "column of it");
  }

  @Test
  @DisplayName("duplicate child strings (a reference merge within one millisecond) are repaired by the next write")
  void duplicateChildRepair() {
    Collection c = repo.createCollection(S1, "c");
    Revision a = c.series("s").write(tv(longs(1, 2, 3), 1, 1, 1)).get(0);
    Revision b = c.series("s").writer().root().write(tv(longs(5, 6), 5, 5)).get(0);
    io.lakota.version.Commit both = c.commit(a).update(c.commit(b).rows().get(0), c.commit(b).embedded());
    byte[] payload = io.lakota.version.CommitCodec.encode(both);
    String child = io.lakota.id.RevisionName.part(io.lakota.id.Hextime.millis(b.epoch()) + 1,
        io.lakota.id.Digests.sha1(payload));
    pod.write(c.path() + "/" + a.child() + "." + child, payload);
    pod.write(c.path() + "/" + b.child() + "." + child, payload);
    Collection reader = fresh().collection("c");
    assertThat(reader.changelog().leafs()).extracting(Revision::child).containsExactly(child, child);
    assertThat(reader.series("s").frame().longs("timestamp")).containsExactly(1, 2, 3, 5, 6);
    assertThat(reader.series("s").write(tv(longs(9), 9))).hasSize(1);
    assertThat(pod.ls(c.path(), false)).hasSize(6);
    Frame f = fresh().collection("c").series("s").frame();
    assertThat(f.longs("timestamp")).containsExactly(1, 2, 3, 5, 6, 9);
    assertThat(f.doubles("value")).containsExactly(1, 1, 1, 5, 5, 9);
  }
}
