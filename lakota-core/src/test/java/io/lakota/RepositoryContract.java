package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.version.CommitRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repository and key/value semantics, SEMANTICS.md §21.8 (R-*, without the registry defrag/merge variants, gc and
 * export which belong to later issues), SE-12, BF-24, R-6 and the registry rows of §12.2.
 */
abstract class RepositoryContract extends ApiContract {
  static final Schema SCHEMA = Schema.parse("timestamp int *", "value float");
  static final List<String> TEN = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
      "nine");

  /** The registry rows as {@code start->stop (closed) length}. */
  List<String> registryRows() {
    List<String> out = new ArrayList<>();
    repo.refresh();
    for (CommitRow r : repo.registry().leafCommit().rows()) {
      out.add(r.label() + ":" + r.start()[0] + "->" + r.stop()[0] + " (" + r.closed().letter() + ") " + r.length());
    }
    return out;
  }

  @Test
  @DisplayName("R-1 create several at once then one by one; §12.2 registry rows")
  void createCollections() {
    List<Collection> bce = repo.createCollections(SCHEMA, "b", "c", "e");
    assertThat(bce).extracting(Collection::label).containsExactly("b", "c", "e");
    for (String l : List.of("b", "c", "e")) {
      assertThat(repo.collection(l).label()).isEqualTo(l);
      assertThat(repo.collection(l).schema()).isEqualTo(SCHEMA);
    }
    repo.createCollections(SCHEMA, false, "b", "c", "e");
    assertThat(repo.ls()).containsExactly("b", "c", "e");
    repo.createCollection(SCHEMA, "a");
    assertThat(repo.ls()).containsExactly("a", "b", "c", "e");
    repo.createCollection(SCHEMA, "f");
    assertThat(repo.ls()).containsExactly("a", "b", "c", "e", "f");
    repo.createCollection(SCHEMA, "d");
    assertThat(repo.ls()).containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(registryRows()).containsExactly("collection:a->a (b) 1", "collection:b->d (l) 3",
        "collection:d->d (b) 1", "collection:d->e (r) 3", "collection:f->f (b) 1");
    repo.delete("c");
    assertThat(registryRows()).containsExactly("collection:a->a (b) 1", "collection:b->c (l) 3",
        "collection:c->c (b) 0", "collection:c->d (n) 3", "collection:d->d (b) 1", "collection:d->e (r) 3",
        "collection:f->f (b) 1");
    assertThat(fresh().ls()).containsExactly("a", "b", "d", "e", "f");
  }

  @Test
  @DisplayName("R-2 a failed multi-create creates nothing")
  void createIsAllOrNothing() {
    repo.createCollections(SCHEMA, "a", "b");
    assertThatThrownBy(() -> repo.createCollections(SCHEMA, "b", "c"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Collection with label 'b' already exists");
    assertThat(repo.ls()).containsExactly("a", "b");
    repo.createCollections(SCHEMA, false, "b", "c");
    assertThat(repo.ls()).containsExactly("a", "b", "c");
  }

  @Test
  @DisplayName("R-3 create ten collections three at a time")
  void createInGroups() {
    for (int i = 0; i < TEN.size(); i += 3) {
      repo.createCollections(SCHEMA, TEN.subList(i, Math.min(TEN.size(), i + 3)).toArray(new String[0]));
    }
    Repo other = fresh();
    for (String l : TEN) {
      assertThat(other.collection(l)).as(l).isNotNull();
      assertThat(other.collection(l).label()).isEqualTo(l);
    }
    assertThat(other.ls()).containsExactlyElementsOf(TEN.stream().sorted().toList());
  }

  @ParameterizedTest(name = "R-4 delete collections, created at once {0}")
  @ValueSource(booleans = {true, false})
  void deleteCollections(boolean once) {
    List<List<String>> cases = List.of(List.of("eight"), List.of("zero"), List.of("eight", "zero"),
        List.of("seven"), List.of("foobar"));
    int n = 0;
    for (List<String> toDelete : cases) {
      Repo r = new Repo(newPod(tmp.resolve("r4-" + n++)));
      if (once) {
        r.createCollections(SCHEMA, TEN.toArray(new String[0]));
      } else {
        for (String l : TEN) {
          r.createCollection(SCHEMA, l);
        }
      }
      assertThat(r.ls()).containsExactlyElementsOf(TEN.stream().sorted().toList());
      String[] paths = new String[toDelete.size()];
      for (int i = 0; i < paths.length; i++) {
        Collection c = r.collection(toDelete.get(i));
        paths[i] = c == null ? null : c.path();
      }
      r.delete(toDelete.toArray(new String[0]));
      assertThat(r.ls()).as("%s", toDelete)
          .containsExactlyElementsOf(TEN.stream().filter(l -> !toDelete.contains(l)).sorted().toList());
      for (int i = 0; i < paths.length; i++) {
        assertThat(r.collection(toDelete.get(i))).isNull();
        if (paths[i] != null) {
          assertThat(r.pod().ls(paths[i], true)).isEmpty();
        }
      }
    }
  }

  @Test
  @DisplayName("R-5 a re-created collection starts empty")
  void recreateAfterDelete() {
    Collection c = repo.createCollection(SCHEMA, "test_coll");
    c.series("s").write(tv(longs(1, 2, 3), 1, 2, 3));
    repo.delete("test_coll");
    Collection again = repo.createCollection(SCHEMA, "test_coll");
    assertThat(again.ls()).isEmpty();
    assertThat(again.path()).isNotEqualTo(c.path());
    assertThat(again.series("s").frame().isEmpty()).isTrue();
  }

  @Test
  @DisplayName("R-6 labels: accepted, stripped, refused")
  void labels() {
    List<String> good = List.of("abc", "abc-abc-123", "abc_abc-123.45", "abc+abc", "$", "é", "foo bar", "a\"b");
    for (String l : good) {
      assertThat(repo.createCollection(SCHEMA, l).label()).isEqualTo(l);
      assertThat(repo.createCollection(SCHEMA, l.toUpperCase(Locale.ROOT), false).label())
          .isEqualTo(l.toUpperCase(Locale.ROOT));
    }
    assertThat(repo.collection("a\"b")).isNotNull();
    assertThat(repo.createCollection(SCHEMA, "  padded\t").label()).isEqualTo("padded");
    assertThat(repo.collection(" padded ")).isNotNull();
    repo.delete(" padded ");
    assertThat(repo.collection("padded")).isNull();
    Map<String, String> bad = Map.of("", "''", "\t", "'\\t'", "\n", "'\\n'", " ", "' '", "  ", "'  '", "\t ",
        "'\\t '", "\n ", "'\\n '");
    List<String> before = files();
    for (Map.Entry<String, String> e : bad.entrySet()) {
      assertThatThrownBy(() -> repo.createCollection(SCHEMA, e.getKey()))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid label: " + e.getValue());
      assertThatThrownBy(() -> repo.createCollections(SCHEMA, "fine", e.getKey()))
          .isInstanceOf(ValidationException.class)
          .hasMessage("Invalid label: " + e.getValue());
      assertThat(repo.collection(e.getKey())).isNull();
    }
    assertThat(files()).isEqualTo(before);
    assertThat(repo.collection("fine")).isNull();
  }

  @Test
  @DisplayName("R-8 a repository handle sees other writers after refresh")
  void refresh() {
    Repo a = fresh();
    Repo b = fresh();
    a.createCollection(SCHEMA, "collection");
    assertThat(b.ls()).containsExactly("collection");
    b.delete("collection");
    assertThat(a.ls()).containsExactly("collection");
    a.refresh();
    assertThat(a.ls()).isEmpty();
  }

  @Test
  @DisplayName("R-9 rename collections")
  void renameCollections() {
    repo.createCollections(SCHEMA, "A", "B", "C");
    repo.collection("A").series("a").write(tv(longs(1, 2, 3), 1, 2, 3));
    String path = repo.collection("A").path();
    repo.rename("A", "D");
    Frame f = repo.collection("D").series("a").frame();
    assertThat(f.longs("timestamp")).containsExactly(1, 2, 3);
    assertThat(f.doubles("value")).containsExactly(1, 2, 3);
    assertThat(repo.collection("D").path()).isEqualTo(path);
    assertThat(repo.ls()).containsExactly("B", "C", "D");
    assertThatThrownBy(() -> repo.rename("B", "C"))
        .isInstanceOf(ValidationException.class).hasMessage("Collection \"C\" already exists");
    assertThatThrownBy(() -> repo.rename("Z", "E"))
        .isInstanceOf(ValidationException.class).hasMessage("Collection \"Z\" does not exists");
    repo.rename("B", "BB");
    assertThat(repo.ls()).containsExactly("BB", "C", "D");
    assertThat(fresh().ls()).containsExactly("BB", "C", "D");
    Collection a = repo.createCollection(SCHEMA, "A");
    assertThat(a.ls()).isEmpty();
    assertThat(a.path()).isNotEqualTo(path);
    repo.rename("D", "0");
    assertThat(repo.ls()).containsExactly("0", "A", "BB", "C");
    assertThat(repo.collection("0").series("a").frame().doubles("value")).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("collections() lists every collection; the registry is a key/value collection")
  void registryIsKeyValue() {
    repo.createCollections(SCHEMA, "b", "a");
    assertThat(repo.collections()).extracting(Collection::label).containsExactly("a", "b");
    assertThat(repo.registry().schema().isKv()).isTrue();
    assertThat(repo.registry().series(Repo.NAMESPACE)).isInstanceOf(KVSeries.class);
    Frame rows = repo.registry().series(Repo.NAMESPACE).frame();
    assertThat(rows.strings("label")).containsExactly("a", "b");
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) rows.objects("meta")[0];
    assertThat(meta.keySet()).containsExactly("path", "schema");
    assertThat(Schema.load(meta.get("schema"))).isEqualTo(SCHEMA);
  }

  @Test
  @DisplayName("SE-12 key/value series upsert")
  void keyValueUpsert() {
    Schema kv = Schema.builder().kv().column("timestamp", "timestamp*").column("category", "str*")
        .column("value", "int").build();
    KVSeries s = (KVSeries) repo.createCollection(kv, "-").series("_");
    s.write(cols("timestamp", new String[] {"2020-01-01", "2020-02-01", "2020-03-01"}, "category",
        new String[] {"a", "c", "d"}, "value", new long[] {1, 2, 3}));
    Map<String, Object> second = cols("timestamp", new String[] {"2020-01-01", "2020-02-02", "2020-02-03"},
        "category", new String[] {"a", "b", "c"}, "value", new long[] {4, 5, 6});
    assertThat(s.write(second)).hasSize(1);
    assertThat(s.frame().longs("value")).containsExactly(4, 2, 5, 6, 3);
    assertThat(s.frame().strings("category")).containsExactly("a", "c", "b", "c", "d");
    assertThat(s.write(second)).isEmpty();
    // an unsorted upsert is sorted first
    s.write(cols("timestamp", new String[] {"2020-03-01", "2020-01-01"}, "category", new String[] {"d", "a"},
        "value", new long[] {30, 10}));
    assertThat(s.frame().longs("value")).containsExactly(10, 2, 5, 6, 30);
  }

  @Test
  @DisplayName("BF-24 key/value delete of any schema")
  void keyValueDelete() {
    Schema kv = Schema.builder().kv().column("category", "str*").column("value", "int").build();
    KVSeries s = (KVSeries) repo.createCollection(kv, "kv").series("x");
    s.write(cols("category", new String[] {"a", "b", "c"}, "value", new long[] {1, 2, 3}));
    s.deleteKeys("b");
    assertThat(s.frame().strings("category")).containsExactly("a", "c");
    assertThat(s.frame().longs("value")).containsExactly(1, 3);
    assertThat(s.deleteKeys()).isEmpty();
    s.deleteKeys("c", "a", "zz");
    assertThat(s.frame().isEmpty()).isTrue();
    Schema two = Schema.builder().kv().column("k1", "int*").column("k2", "str*").column("v", "float").build();
    KVSeries t = (KVSeries) repo.createCollection(two, "two").series("x");
    t.write(cols("k1", new long[] {1, 1, 2}, "k2", new String[] {"a", "b", "a"}, "v", new double[] {1, 2, 3}));
    t.deleteKeys(List.of(new Object[] {1, "b"}, new Object[] {2, "a"}));
    assertThat(t.frame().doubles("v")).containsExactly(1);
  }

  @Test
  @DisplayName("pod byte metrics are reachable from the API")
  void metrics() {
    Collection c = repo.createCollection(SCHEMA, "m");
    Repo.resetMetrics();
    c.series("s").write(tv(longs(1), 1));
    String kind = pod.kind();
    assertThat(Repo.metrics()).containsKey(kind + ".write");
    long written = Repo.metrics().get(kind + ".write");
    assertThat(written).isEqualTo(pod.read(c.path() + "/" + c.changelog().leaf().path()).length);
    Repo.resetMetrics();
    assertThat(Repo.metrics()).isEmpty();
  }

  @Test
  @DisplayName("SC-2 string index columns with every supported codec chain; SC-5 schemas read back from the registry")
  void schemasThroughTheRegistry() {
    int n = 0;
    for (String codecs : List.of("", "vlen-utf8", "vlen-utf8 gzip")) {
      Schema s = Schema.parse("key str*  |" + codecs, "value int");
      Collection c = repo.createCollection(s, "c" + n++);
      c.series("x").write(cols("key", new String[] {"ham", "spam"}, "value", new long[] {1, 2}));
      Collection back = fresh().collection(c.label());
      assertThat(back.schema()).isEqualTo(s);
      assertThat(back.schema().column("key").dtype()).isEqualTo(io.lakota.format.Dtype.STR);
      assertThat(back.series("x").frame().strings("key")).as(codecs).containsExactly("ham", "spam");
    }
    Schema built = Schema.builder().index("timestamp", io.lakota.format.Dtype.TIMESTAMP)
        .column("value", io.lakota.format.Dtype.FLOAT64).build();
    repo.createCollection(built, "built");
    assertThat(fresh().collection("built").schema()).isEqualTo(Schema.parse("timestamp timestamp*", "value float"));
  }
}
