package io.lakota.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.id.Hextime;
import io.lakota.storage.Pod;
import io.lakota.storage.file.FilePod;
import io.lakota.testing.Fixtures;
import io.lakota.version.Changelog;
import io.lakota.version.Revision;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duplicate-child repair of SEMANTICS.md §11.2 on a copy of the golden collection {@code merged}, whose two merge
 * revisions (written by the reference in one millisecond) share the child string {@code 1a2014fcea4-6b42…}: BF-2 and
 * BF-25.
 */
class MergedRepairTest {
  static final String DUPLICATE = "1a2014fcea4-6b42b7203c408c22c614fc0dfbdee672307308fb";
  static final String ROOT_A = "1a2014fce99-542a7fbe2449f42f79727aab22db69e73eb3d2c7";
  static final String ROOT_B = "1a2014fce9e-730e4ead5d4c22a7645bbc338e9711ccc06b850e";

  @TempDir Path tmp;
  Pod pod;

  @BeforeEach
  void copyGolden() {
    pod = new FilePod(Fixtures.goldenCopy(tmp.resolve("repo")));
  }

  static Map<String, Object> nine() {
    return Map.of("timestamp", new long[] {9}, "value", new double[] {9});
  }

  static void assertG(Collection merged, long[] timestamps, double... values) {
    Frame g = merged.series("g").frame();
    assertThat(g.longs("timestamp")).containsExactly(timestamps);
    assertThat(g.doubles("value")).containsExactly(values);
  }

  @Test
  @DisplayName("BF-2 a write after a same-millisecond merge goes on a repair revision and is visible")
  void writeAfterDuplicateMergeIsVisible() {
    for (Clock clock : List.of(Clock.systemUTC(), Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC))) {
      copyGoldenAgain();
      Collection merged = new Repo(pod, clock).collection("merged");
      String folder = merged.path();
      List<String> before = new ArrayList<>(pod.ls(folder, false));
      assertThat(merged.series("g").write(nine())).hasSize(1);
      List<String> added = new ArrayList<>(pod.ls(folder, false));
      added.removeAll(before);
      assertThat(added).hasSize(2);
      Revision repair = null;
      Revision write = null;
      for (String name : added) {
        Revision r = Revision.fromPath(name);
        if (r.parent().equals(ROOT_B)) {
          repair = r;
        } else {
          write = r;
        }
      }
      assertThat(repair).as("repair revision under %s", ROOT_B).isNotNull();
      assertThat(repair.childDigest()).isEqualTo("6b42b7203c408c22c614fc0dfbdee672307308fb");
      assertThat(repair.epoch()).isGreaterThan("1a2014fcea4");
      assertThat(pod.read(folder + "/" + repair.path()))
          .isEqualTo(pod.read(folder + "/" + ROOT_B + "." + DUPLICATE));
      assertThat(write.parent()).isEqualTo(repair.child());
      assertThat(write.epoch()).isGreaterThan(repair.epoch());
      // the new revision is the leaf of the traversal, so every reader (the reference included) sees it
      Collection fresh = new Repo(pod).collection("merged");
      assertThat(fresh.changelog().leaf().path()).isEqualTo(write.path());
      assertG(fresh, new long[] {1, 2, 3, 4, 9}, 1, 2, 2, 2, 9);
      // and later writes simply follow it
      assertThat(fresh.series("g").write(Map.of("timestamp", new long[] {10}, "value", new double[] {10})))
          .hasSize(1);
      assertG(new Repo(pod).collection("merged"), new long[] {1, 2, 3, 4, 9, 10}, 1, 2, 2, 2, 9, 10);
    }
  }

  @Test
  @DisplayName("BF-25 a same-millisecond merge by Java gets distinct child strings and later writes are visible")
  void javaMergeInOneMillisecond() {
    Collection merged = new Repo(pod).collection("merged");
    String folder = merged.path();
    byte[] mergePayload = pod.read(folder + "/" + ROOT_A + "." + DUPLICATE);
    // back to two root branches, then the merge commit as Java writes it, with a frozen clock
    pod.rm(folder + "/" + ROOT_A + "." + DUPLICATE);
    pod.rm(folder + "/" + ROOT_B + "." + DUPLICATE);
    Clock frozen = Clock.fixed(Instant.ofEpochMilli(Hextime.millis("1a2014fcea4")), ZoneOffset.UTC);
    Changelog log = new Changelog(pod.cd(folder), frozen);
    assertThat(log.leafs()).extracting(Revision::child).containsExactly(ROOT_A, ROOT_B);
    List<Revision> revs = log.commit(mergePayload, List.of(ROOT_A, ROOT_B));
    assertThat(revs).hasSize(2);
    assertThat(revs.get(0).child()).isEqualTo(DUPLICATE);
    assertThat(revs.get(1).child()).isEqualTo("1a2014fcea5-6b42b7203c408c22c614fc0dfbdee672307308fb");
    Repo repo = new Repo(pod, frozen);
    assertG(repo.collection("merged"), new long[] {1, 2, 3, 4}, 1, 2, 2, 2);
    assertThat(repo.collection("merged").series("g").write(nine())).hasSize(1);
    assertThat(pod.ls(folder, false)).hasSize(5);
    assertG(new Repo(pod).collection("merged"), new long[] {1, 2, 3, 4, 9}, 1, 2, 2, 2, 9);
  }

  private void copyGoldenAgain() {
    Path fresh = tmp.resolve("repo" + System.nanoTime());
    pod = new FilePod(Fixtures.goldenCopy(fresh));
  }
}
