package io.lakota.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.storage.file.FilePod;
import io.lakota.testing.Fixtures;
import io.lakota.version.Revision;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging the golden repository's reference-written forks (issue 4, acceptance 5): {@code forked} reads as the
 * reference reads it (the branch created last wins, see {@link GoldenRepoTest}); after {@code merge()} it has one
 * head and the content of SEMANTICS.md §13: the first branch's {@code 1} comes back, the later branch wins on
 * {@code 2, 3}. {@code merged} (two leaves with one content) has nothing to merge.
 */
class GoldenMergeTest {
  static final String BRANCH_1 =
      "00000000000-0000000000000000000000000000000000000000.1a2014fce86-6df5e8b539ab07f94ffa3244af7fea509c9dbfe5";
  static final String BRANCH_2 =
      "1a2014fce8c-78ef5e2801ae652145719b8c8843bf28fb0e4e4c.1a2014fce92-c26983fb3d0c00a78999f262f6cbf55f1db6f440";

  @TempDir Path tmp;
  Repo repo;

  @BeforeEach
  void openCopy() {
    Fixtures.goldenCopy(tmp.resolve("repo"));
    repo = new Repo(new FilePod(tmp.resolve("repo")));
  }

  @Test
  void forkedMergesIntoOneHead() {
    Collection forked = repo.collection("forked");
    assertThat(forked.heads()).extracting(Revision::path).containsExactly(BRANCH_1, BRANCH_2);
    assertThat(forked.series("f").frame().doubles("value")).containsExactly(2, 3, 3, 3);

    List<Revision> merge = forked.merge();
    assertThat(merge).extracting(Revision::parent)
        .containsExactly("1a2014fce86-6df5e8b539ab07f94ffa3244af7fea509c9dbfe5",
            "1a2014fce92-c26983fb3d0c00a78999f262f6cbf55f1db6f440");
    assertThat(merge.get(0).childDigest()).isEqualTo(merge.get(1).childDigest());

    Collection after = new Repo(new FilePod(tmp.resolve("repo"))).collection("forked");
    assertThat(after.heads()).hasSize(1);
    assertThat(after.changelog().log()).hasSize(5);
    Frame f = after.series("f").frame();
    assertThat(f.longs("timestamp")).containsExactly(1, 2, 3, 4, 5);
    assertThat(f.doubles("value")).containsExactly(1, 2, 3, 3, 3);
    assertThat(after.leafCommit().rows()).extracting(Object::toString)
        .containsExactly("f[[1] -> [2] (l), 3]", "f[[2] -> [3] (l), 3]", "f[[3] -> [5] (b), 3]");
    assertThat(after.merge()).isEmpty();
    // a write after the merge lands on the single head
    after.series("f").write(java.util.Map.of("timestamp", new long[] {6}, "value", new double[] {6}));
    assertThat(new Repo(new FilePod(tmp.resolve("repo"))).collection("forked").series("f").frame()
        .doubles("value")).containsExactly(1, 2, 3, 3, 3, 6);
  }

  @Test
  void mergedHasOneContentAndNothingToMerge() {
    Collection merged = repo.collection("merged");
    assertThat(merged.changelog().leafs()).hasSize(2);
    assertThat(merged.heads()).hasSize(1);
    assertThat(merged.merge()).isEmpty();
    assertThat(repo.merge()).isEmpty();
  }
}
