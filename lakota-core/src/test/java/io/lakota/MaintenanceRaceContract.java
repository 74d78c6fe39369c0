package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.maintenance.GcResult;
import io.lakota.storage.SupportsAtomicCommit;
import io.lakota.testing.RaceHookPod;
import io.lakota.version.Revision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Maintenance beside writers, one race at a time (issue 4, acceptance 2; docs/concurrency.md "Maintenance beside
 * writers"): a writer or another maintenance task acts at an exact point inside a defrag, trim, gc or clone, through
 * a {@link RaceHookPod} over the backend's pod, and nothing any writer committed is lost.
 */
abstract class MaintenanceRaceContract extends ApiContract {
  /** The backend's pod wrapped with race hooks; {@link #hooked} is a repository on it. */
  RaceHookPod hooks;
  Repo hooked;

  /** Six writes of 200 rows each: a fragmented series {@code s} of collection {@code c}, values 0 … 1199. */
  Collection fragmented() {
    hooks = new RaceHookPod((SupportsAtomicCommit) pod);
    hooked = new Repo(hooks);
    Collection c = repo.createCollection(S1, "c");
    for (int i = 0; i < 6; i++) {
      c.series("s").write(tv(MaintenanceContract.range(i * 200, i * 200 + 200),
          MaintenanceContract.drange(i * 200, i * 200 + 200)));
    }
    return c;
  }

  @Test
  @DisplayName("a write that lands between defrag's reading and its commit: defrag starts again on the new head")
  void defragOvertakenBeforeItsCommit() {
    fragmented();
    hooks.beforeNextCommit(() -> fresh().collection("c").series("s").write(tv(longs(500), 0.5)));
    List<Revision> written = hooked.collection("c").defrag(1);
    assertThat(written).hasSize(1);
    Collection reader = fresh().collection("c");
    assertThat(reader.revisions()).hasSize(8); // six writes, the concurrent write, one defrag on top of it
    assertThat(reader.changelog().leafs()).hasSize(1);
    assertThat(written.get(0).parent()).isEqualTo(reader.revisions().get(6).child());
    double[] values = reader.series("s").frame().doubles("value");
    assertThat(values).hasSize(1200);
    assertThat(values[500]).isEqualTo(0.5);
    assertThat(values[499]).isEqualTo(499);
    assertThat(values[501]).isEqualTo(501);
    assertThat(reader.leafCommit().rows("s")).hasSize(1);
  }

  @Test
  @DisplayName("a write that lands while trim removes revisions: trim removes only what it read, the write stays")
  void trimOvertaken() {
    Collection c = fragmented();
    hooks.beforeNextRm(() -> fresh().collection("c").series("s").write(tv(longs(1200), 1200)));
    assertThat(hooked.collection("c").trim(MaintenanceContract.inOneHour())).isEqualTo(5);
    Collection reader = fresh().collection("c");
    assertThat(reader.revisions()).hasSize(2);
    assertThat(reader.changelog().leafs()).hasSize(1);
    assertThat(reader.series("s").frame().doubles("value")).hasSize(1201).endsWith(1198, 1199, 1200);
    assertThat(c.path()).isEqualTo(reader.path());
  }

  @Test
  @DisplayName("a trim that removes the revision gc is about to read: gc reads the changelog again")
  void gcOvertakenByTrim() {
    int embedMaxSize = Settings.get().embedMaxSize();
    Settings.get().embedMaxSize(0); // every array in a data file, none embedded in the commits
    try {
      gcOvertakenByTrimNoEmbedding();
    } finally {
      Settings.get().embedMaxSize(embedMaxSize);
    }
  }

  private void gcOvertakenByTrimNoEmbedding() {
    Collection c = fragmented();
    // three overwrites of the same range: the older value files are referenced by trimmed revisions only
    for (int v = 1; v <= 3; v++) {
      c.series("s").write(tv(MaintenanceContract.range(0, 200), MaintenanceContract.drange(v * 10_000, v * 10_000 + 200)));
    }
    String first = fresh().collection("c").revisions().get(0).path();
    hooks.beforeNextRead(first::equals, () -> fresh().collection("c").trim(MaintenanceContract.inOneHour()));
    GcResult gc = hooked.gc();
    // the value files of the first write of rows 0 … 199 and of the first two overwrites
    assertThat(gc.softDeleted()).isEqualTo(3);
    assertThat(gc.hardDeleted()).isZero();
    Collection reader = fresh().collection("c");
    assertThat(reader.revisions()).hasSize(1);
    double[] values = reader.series("s").frame().doubles("value");
    assertThat(values).hasSize(1200);
    assertThat(values[0]).isEqualTo(30_000);
    assertThat(values[1199]).isEqualTo(1199);
    assertThat(fresh().gc().softDeleted()).isZero();
  }

  @Test
  @DisplayName("a write into the clone's target before the clone commits: the clone is refused, the write stays")
  void cloneOvertaken() {
    Collection source = fragmented();
    fresh().createCollection(S1, "target");
    hooks.beforeNextCommit(() -> fresh().collection("target").series("t").write(tv(longs(7), 7)));
    assertThatThrownBy(() -> hooked.collection("c").clone(hooked.collection("target"), Map.of(), Map.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Clone can only be saved into an empty collection");
    Collection target = fresh().collection("target");
    assertThat(target.revisions()).hasSize(1);
    assertThat(target.ls()).containsExactly("t");
    assertThat(source.ls()).containsExactly("s");
  }
}
