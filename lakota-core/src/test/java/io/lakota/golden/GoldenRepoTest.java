package io.lakota.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.format.Closed;
import io.lakota.format.ColumnDefinition;
import io.lakota.internal.util.Json;
import io.lakota.storage.file.FilePod;
import io.lakota.testing.Fixtures;
import io.lakota.testing.Render;
import io.lakota.version.Commit;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a copy of the golden repository written by the reference and compares, field by field, with what the
 * reference reads back ({@code golden_repo_expected.json}): SEMANTICS.md §21.2 G-1 … G-5.
 */
class GoldenRepoTest {
  @TempDir Path tmp;
  Repo repo;
  Map<String, Object> expected;

  @SuppressWarnings("unchecked")
  @BeforeEach
  void openCopy() throws IOException {
    Fixtures.goldenCopy(tmp.resolve("repo"));
    repo = new Repo(new FilePod(tmp.resolve("repo")));
    expected = (Map<String, Object>) Json.parse(
        Files.readString(Fixtures.path("golden_repo_expected.json"), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> collection(String name) {
    return (Map<String, Object>) ((Map<String, Object>) expected.get("collections")).get(name);
  }

  @Test
  void listsCollections() {
    assertThat(repo.ls()).isEqualTo(expected.get("repo_ls"));
    assertThat(repo.ls()).containsExactly("forked", "kv", "merged", "multi", "temperature");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyCollectionMatchesTheReference() {
    Map<String, Object> all = (Map<String, Object>) expected.get("collections");
    assertThat(all).hasSize(5);
    for (String name : all.keySet()) {
      Map<String, Object> exp = collection(name);
      Collection c = repo.collection(name);
      assertThat(c).as(name).isNotNull();
      assertThat(Json.write(c.schema().dump())).as(name + " schema").isEqualTo(Json.write(exp.get("schema")));
      assertThat(c.path()).as(name + " path").isEqualTo(exp.get("path"));
      assertThat(c.ls()).as(name + " ls").isEqualTo(exp.get("ls"));

      List<Map<String, Object>> log = new ArrayList<>();
      for (Revision r : c.changelog().log()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", r.path());
        m.put("is_leaf", r.isLeaf());
        log.add(m);
      }
      assertThat(log).as(name + " log").isEqualTo(exp.get("log"));
      Revision leaf = c.changelog().leaf();
      assertThat(leaf.path()).as(name + " leaf").isEqualTo(exp.get("leaf"));

      Commit commit = c.commit(leaf);
      List<Map<String, Object>> rows = new ArrayList<>();
      List<ColumnDefinition> index = c.schema().index();
      for (CommitRow row : commit.rows()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", row.label());
        List<Object> start = new ArrayList<>();
        List<Object> stop = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
          start.add(Render.text(index.get(i), row.start()[i]));
          stop.add(Render.text(index.get(i), row.stop()[i]));
        }
        m.put("start", start);
        m.put("stop", stop);
        m.put("length", row.length());
        m.put("closed", row.closed().letter());
        m.put("digest", List.of(row.digests()));
        rows.add(m);
      }
      assertThat(rows).as(name + " leaf commit rows").isEqualTo(exp.get("leaf_commit_rows"));
      assertThat(new ArrayList<>(commit.embedded().keySet())).as(name + " embedded keys")
          .isEqualTo(exp.get("leaf_commit_embedded_keys"));

      Map<String, Object> series = (Map<String, Object>) exp.get("series");
      assertThat(series.keySet()).as(name + " series").containsExactlyElementsOf(c.ls());
      for (String label : series.keySet()) {
        Frame f = c.series(label).frame();
        assertThat(Render.frame(f)).as(name + "/" + label).isEqualTo(series.get(label));
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void rangedAndPagedQueriesMatchTheReference() {
    Map<String, Function<Repo, Frame>> calls = new LinkedHashMap<>();
    calls.put("temperature/Brussels frame(start='2020-06-23', stop='2020-06-25') [closed=LEFT default]",
        r -> r.collection("temperature").series("Brussels").query().start("2020-06-23").stop("2020-06-25").frame());
    calls.put("temperature/Brussels frame(start='2020-06-23', stop='2020-06-25', closed='b')",
        r -> r.collection("temperature").series("Brussels").query().start("2020-06-23").stop("2020-06-25")
            .closed(Closed.BOTH).frame());
    calls.put("temperature/Paris frame(limit=3, offset=1998)",
        r -> r.collection("temperature").series("Paris").query().limit(3).offset(1998).frame());
    calls.put("temperature/Paris tail(2)",
        r -> r.collection("temperature").series("Paris").query().tail(2));
    calls.put("multi/m frame(start=('2021-01-02',), closed='b')",
        r -> r.collection("multi").series("m").query().start("2021-01-02").closed(Closed.BOTH).frame());
    Map<String, Object> queries = (Map<String, Object>) expected.get("queries");
    assertThat(queries.keySet()).containsExactlyInAnyOrderElementsOf(calls.keySet());
    for (Map.Entry<String, Function<Repo, Frame>> e : calls.entrySet()) {
      assertThat(Render.frame(e.getValue().apply(repo))).as(e.getKey()).isEqualTo(queries.get(e.getKey()));
    }
  }

  @Test
  void readsSoftDeletedDataFile() throws IOException {
    assertThat(Files.exists(tmp.resolve("repo/50/73/6e6e3a1ddfa40b0cbbbd056ca0588e0cbf50"))).isFalse();
    assertThat(Files.exists(tmp.resolve("repo/50/73/6e6e3a1ddfa40b0cbbbd056ca0588e0cbf50.1a2014fce61"))).isTrue();
    Frame paris = repo.collection("temperature").series("Paris").frame();
    assertThat(paris.length()).isEqualTo(2000);
    double[] v = paris.doubles("value");
    double[] expectedValues = Fixtures.values(2000);
    assertThat(v).containsExactly(expectedValues);
  }

  @Test
  void forkedAndMergedCollectionsReadAsTheReferenceReadsThem() {
    Collection forked = repo.collection("forked");
    assertThat(forked.changelog().leafs()).hasSize(2);
    Frame f = forked.series("f").frame();
    assertThat(f.longs("timestamp")).containsExactly(2, 3, 4, 5);
    assertThat(f.doubles("value")).containsExactly(2.0, 3.0, 3.0, 3.0);

    Collection merged = repo.collection("merged");
    List<Revision> leafs = merged.changelog().leafs();
    assertThat(leafs).hasSize(2);
    assertThat(leafs.get(0).child()).isEqualTo(leafs.get(1).child());
    assertThat(leafs.get(0).child()).isEqualTo("1a2014fcea4-6b42b7203c408c22c614fc0dfbdee672307308fb");
    Frame g = merged.series("g").frame();
    assertThat(g.longs("timestamp")).containsExactly(1, 2, 3, 4);
    assertThat(g.doubles("value")).containsExactly(1.0, 2.0, 2.0, 2.0);
  }
}
