package io.lakota.cli;

import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI-7: export then import into another repository (FORMAT.md §10). */
class ExportImportTest {
  @TempDir Path dir;
  Cli cli;
  Cli other;
  Path exp;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
    other = new Cli(dir.resolve("other"));
    exp = dir.resolve("exp");
    Walkthrough.temperature(cli);
    Walkthrough.multi(cli);
    ok(cli.lakota("create", "empty", "k int*"));
  }

  @Test
  void roundTrips() throws IOException {
    assertThat(ok(cli.lakota("export", exp.toString())).out()).isEmpty();
    assertThat(Files.readString(exp.resolve("multi/_schema.json"))).isEqualTo(
        "{\"kind\": null, \"columns\": {\"timestamp\": {\"dt\": \"datetime64[s]\", \"codecs\": [\"blosc\"], \"idx\": "
            + "true}, \"version\": {\"dt\": \"int64\", \"codecs\": [\"blosc\"], \"idx\": true}, \"value\": {\"dt\": "
            + "\"float64\", \"codecs\": [\"blosc\"], \"idx\": false}, \"note\": {\"dt\": \"<U0\", \"codecs\": "
            + "[\"msgpack2\", \"zstd\"], \"idx\": false}}}");
    assertThat(Files.readString(exp.resolve("multi/m.csv"))).isEqualTo(ok(cli.lakota("read", "multi/m")).out());
    try (var files = Files.list(exp.resolve("empty"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("_schema.json");
    }
    assertThat(ok(other.lakota("import", exp.toString())).out()).isEmpty();
    assertThat(ok(other.lakota("ls")).out()).isEqualTo(ok(cli.lakota("ls")).out());
    for (String series : List.of("temperature/Brussels", "multi/m")) {
      assertThat(ok(other.lakota("read", series)).out()).isEqualTo(ok(cli.lakota("read", series)).out());
    }
    // one batch, one revision per imported collection
    assertThat(ok(other.lakota("rev", "temperature")).out().split("Revision: ")).hasSize(2);
  }

  @Test
  void exportsAndImportsSomeCollections() throws IOException {
    Cli.Result r = cli.lakota("export", exp.toString(), "-c", "multi", "-c", "nope");
    assertThat(r.code()).isZero();
    assertThat(r.err()).matches("WARNING:\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}: Collection \"nope\" not found, "
        + "skipped\n");
    try (var folders = Files.list(exp)) {
      // the file pod keeps its temporary folder .lakota-tmp there
      assertThat(folders.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList())
          .containsExactly("multi");
    }
    ok(cli.lakota("export", exp.toString()));
    ok(other.lakota("import", exp.toString(), "--collection", "temperature"));
    assertThat(ok(other.lakota("ls")).out()).isEqualTo(Cli.csv("collection", "temperature"));
  }

  @Test
  void refusesFilesItCannotLoadAndLeavesTheRepositoryUnchanged() throws IOException {
    ok(cli.lakota("export", exp.toString(), "-c", "multi"));
    Files.writeString(exp.resolve("multi/notes.txt"), "hello", StandardCharsets.UTF_8);
    Cli.Result r = other.lakota("import", exp.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ValueError: Unable to load multi/notes.txt, extension not supported\n");
    assertThat(other.snapshot()).isEmpty();
    Files.delete(exp.resolve("multi/notes.txt"));
    Files.writeString(exp.resolve("multi/bad.csv"), "timestamp,value\n2020-01-01,1\n", StandardCharsets.UTF_8);
    assertThat(other.lakota("import", exp.toString()).err()).isEqualTo("ValueError: Unable to load multi/bad.csv: "
        + "its columns [timestamp, value] are not the schema's [timestamp, version, value, note]\n");
    assertThat(other.snapshot()).isEmpty();
  }

  @Test
  void roundTripsParquet() throws IOException {
    assertThat(ok(cli.lakota("export", exp.toString(), "-T", "parquet")).out()).isEmpty();
    assertThat(Files.readAllBytes(exp.resolve("multi/m.parquet"))).startsWith('P', 'A', 'R', '1');
    assertThat(Files.exists(exp.resolve("temperature/Brussels.parquet"))).isTrue();
    try (var files = Files.list(exp.resolve("empty"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("_schema.json");
    }
    // no SLF4J warning or anything else on stderr (ok checks it)
    assertThat(ok(other.lakota("import", exp.toString())).out()).isEmpty();
    assertThat(ok(other.lakota("ls")).out()).isEqualTo(ok(cli.lakota("ls")).out());
    for (String series : List.of("temperature/Brussels", "multi/m")) {
      assertThat(ok(other.lakota("read", series)).out()).isEqualTo(ok(cli.lakota("read", series)).out());
    }
    assertThat(ok(other.lakota("read", "multi/m")).text()).isEqualTo(Cli.lines(
        "timestamp,version,value,note",
        "2021-01-01T00:00:00,1,1.5,a",
        "2021-01-01T00:00:00,2,2.5,\"b,c\"",
        "2021-01-02T00:00:00,1,3.5,\"say \"\"hi\"\"\"",
        "2021-01-03T00:00:00,1,1e-05,"));
  }

  @Test
  void refusesABrokenParquetFile() throws IOException {
    ok(cli.lakota("export", exp.toString(), "-c", "temperature", "-T", "parquet"));
    Files.writeString(exp.resolve("temperature/Paris.parquet"), "timestamp,value\n", StandardCharsets.UTF_8);
    Cli.Result r = other.lakota("import", exp.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("ValueError: Unable to load temperature/Paris.parquet: not a readable Parquet "
        + "file (").doesNotContain("\n\n").endsWith(")\n");
    assertThat(other.snapshot()).isEmpty();
  }
}
