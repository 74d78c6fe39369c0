package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.ValidationException;
import io.lakota.format.Schema;
import io.lakota.storage.Pod;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.testing.TsvFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Export and import of collections, SEMANTICS.md §21.8 R-10 and FORMAT.md §10, in the core's format-independent
 * part (a test format stands for CSV, which lives in the command line module; {@code ExchangeCsvTest} there runs
 * R-10 with real CSV files).
 */
abstract class ExchangeContract extends ApiContract {
  static final TsvFormat TSV = new TsvFormat();
  static final String SCHEMA_JSON = "{\"kind\": null, \"columns\": {\"timestamp\": {\"dt\": \"datetime64[s]\", "
      + "\"codecs\": [\"blosc\"], \"idx\": true}, \"value\": {\"dt\": \"float64\", \"codecs\": [\"blosc\"], "
      + "\"idx\": false}}}";

  Frame frame;

  @BeforeEach
  void fill() {
    Collection c = repo.createCollection(S2, "test_coll");
    c.series("test_series").write(tv(longs(1592784000L, 1592870400L, 1592956800L), 25.0, 0.1, 1e-05));
    frame = c.series("test_series").frame();
  }

  /** A new repository on this backend, in its own folder. */
  Repo target() {
    return new Repo(newPod(tmp.resolve("target")));
  }

  static String text(Pod pod, String path) {
    return new String(pod.read(path), StandardCharsets.UTF_8);
  }

  static List<String> sorted(List<String> paths) {
    List<String> out = new ArrayList<>(paths);
    out.sort(null);
    return out;
  }

  @Test
  @DisplayName("R-10 export to a MemPod, import into a new memory repo: equal frames")
  void exportThenImport() {
    MemoryPod exported = new MemoryPod();
    repo.exportCollections(exported, TSV, List.of());
    assertThat(sorted(exported.walk())).containsExactly("test_coll/_schema.json", "test_coll/test_series.tsv");
    assertThat(text(exported, "test_coll/_schema.json")).isEqualTo(SCHEMA_JSON);
    assertThat(text(exported, "test_coll/test_series.tsv")).isEqualTo(
        "timestamp\tvalue\n2020-06-22 00:00:00\t25.0\n2020-06-23 00:00:00\t0.1\n2020-06-24 00:00:00\t1e-05\n");
    Repo memory = new Repo(new MemoryPod());
    assertThat(memory.importCollections(exported, List.of(), TSV)).containsExactly("test_coll");
    assertThat(memory.collection("test_coll").schema()).isEqualTo(S2);
    assertThat(memory.collection("test_coll").series("test_series").frame()).isEqualTo(frame);
    // and into a new repository of this backend, one revision for the collection
    Repo other = target();
    other.importCollections(exported, List.of(), TSV);
    Collection imported = other.collection("test_coll");
    assertThat(imported.series("test_series").frame()).isEqualTo(frame);
    assertThat(imported.changelog().log()).hasSize(1);
  }

  @Test
  @DisplayName("FORMAT.md §10: files are write-once, unknown collections are skipped, empty ones give a schema")
  void exportDetails() {
    repo.createCollection(S1, "empty");
    MemoryPod exported = new MemoryPod();
    assertThat(repo.exportCollection(exported, TSV, "nope")).isFalse();
    assertThat(exported.walk()).isEmpty();
    repo.exportCollections(exported, TSV, List.of("empty", "nope"));
    assertThat(exported.walk()).containsExactly("empty/_schema.json");
    repo.exportCollections(exported, TSV, List.of());
    String before = text(exported, "test_coll/test_series.tsv");
    repo.collection("test_coll").series("test_series").write(tv(longs(1), 9));
    repo.exportCollections(exported, TSV, List.of());
    assertThat(text(exported, "test_coll/test_series.tsv")).isEqualTo(before);
    assertThat(Repo.exportedCollections(exported)).containsExactly("empty", "test_coll");
  }

  @Test
  @DisplayName("import reads files into an existing collection's schema, and only the folders asked for")
  void importIntoExisting() {
    MemoryPod exported = new MemoryPod();
    repo.createCollection(S1, "other");
    repo.collection("other").series("x").write(tv(longs(5), 1));
    repo.exportCollections(exported, TSV, List.of());
    Repo other = target();
    assertThat(other.importCollections(exported, List.of("other"), TSV)).containsExactly("other");
    assertThat(other.ls()).containsExactly("other");
    other.createCollection(Schema.parse("timestamp timestamp*", "value float32"), "test_coll");
    other.importCollections(exported, List.of("test_coll"), TSV);
    Frame f = other.collection("test_coll").series("test_series").frame();
    assertThat(f.schema().column("value").dtype()).isEqualTo(io.lakota.format.Dtype.FLOAT32);
    assertThat((float[]) f.column("value")).containsExactly(25.0f, 0.1f, 1e-05f);
  }

  @Test
  @DisplayName("bad files are refused, naming the file, before anything is written")
  void badFilesLeaveTheRepositoryUnchanged() {
    repo.createCollection(S1, "zz");
    repo.collection("zz").series("x").write(tv(longs(5), 1));
    Repo other = target();
    other.createCollection(S1, "existing");
    List<String> before = sorted(other.pod().walk());
    // "test_coll" would import fine, but "zz" (later) is broken: nothing is imported
    String[][] cases = {
      {"zz/y.txt", "a", "Unable to load zz/y.txt, extension not supported"},
      {"zz/y.parquet", "PAR1", "Unsupported file type \"parquet\""},
      {"zz/y.tsv", "timestamp\n1\n", "Unable to load zz/y.tsv: its columns [timestamp] are not the schema's "
          + "[timestamp, value]"},
      {"zz/y.tsv", "timestamp\tvalue\textra\n1\t2\t3\n", "Unable to load zz/y.tsv: its columns [timestamp, value, "
          + "extra] are not the schema's [timestamp, value]"},
      {"zz/y.tsv", "timestamp\tvalue\n2\t1\n1\t2\n", "Unable to load zz/y.tsv: its rows are not sorted on the index "
          + "[timestamp]"},
    };
    for (String[] c : cases) {
      MemoryPod exported = new MemoryPod();
      repo.exportCollections(exported, TSV, List.of());
      exported.write(c[0], c[1].getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> other.importCollections(exported, List.of(), TSV))
          .as(c[0]).isInstanceOf(ValidationException.class).hasMessage(c[2]);
      assertThat(sorted(other.pod().walk())).as(c[0]).isEqualTo(before);
    }
    MemoryPod exported = new MemoryPod();
    repo.exportCollections(exported, TSV, List.of());
    exported.write("zz/y.tsv", "timestamp\tvalue\n1\tabc\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> other.importCollections(exported, List.of(), TSV))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Unable to load zz/y.tsv: ")
        .hasMessageContaining("abc");
    exported.rm("zz/y.tsv");
    exported.rm("zz/_schema.json");
    assertThatThrownBy(() -> other.importCollections(exported, List.of(), TSV))
        .isInstanceOf(ValidationException.class).hasMessage("Unable to load zz: no _schema.json in it");
    assertThat(sorted(other.pod().walk())).isEqualTo(before);
  }
}
