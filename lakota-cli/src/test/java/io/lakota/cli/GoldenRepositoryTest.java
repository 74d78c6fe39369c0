package io.lakota.cli;

import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.internal.PythonFloats;
import io.lakota.internal.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every series of the repository written by the reference (a copy of the golden fixture) reads with the values of
 * {@code golden_repo_expected.json}.
 */
class GoldenRepositoryTest {
  static final Path FIXTURE = Path.of("../lakota-core/src/test/resources/golden/v0.7");

  @TempDir Path dir;
  Path repo;
  Map<?, ?> expected;

  @BeforeEach
  void copyFixture() throws IOException {
    repo = dir.resolve("golden_repo");
    copy(FIXTURE.resolve("golden_repo"), repo);
    expected = expected();
  }

  /** The content of {@code golden_repo_expected.json}. */
  static Map<?, ?> expected() throws IOException {
    return (Map<?, ?>) Json.parse(Files.readString(FIXTURE.resolve("golden_repo_expected.json")));
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Test
  void readsEverySeries() {
    Map<?, ?> collections = (Map<?, ?>) expected.get("collections");
    int checked = 0;
    for (Map.Entry<?, ?> c : collections.entrySet()) {
      Map<?, ?> series = (Map<?, ?>) ((Map<?, ?>) c.getValue()).get("series");
      for (Map.Entry<?, ?> s : series.entrySet()) {
        Cli.Result r = ok(Cli.run("", "-r", repo.toString(), "read", c.getKey() + "/" + s.getKey()));
        assertThat(r.out()).as(c.getKey() + "/" + s.getKey()).isEqualTo(csv((Map<?, ?>) s.getValue()));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void listsCollectionsAndCountsRows() {
    List<?> names = (List<?>) expected.get("repo_ls");
    List<String> lines = new ArrayList<>(List.of("collection"));
    names.forEach(n -> lines.add((String) n));
    assertThat(ok(Cli.run("", "-r", repo.toString(), "ls")).out()).isEqualTo(Cli.csv(lines.toArray(new String[0])));
    assertThat(ok(Cli.run("", "-r", repo.toString(), "len", "multi/m")).out()).isEqualTo("5\n");
    assertThat(ok(Cli.run("", "-r", repo.toString(), "read", "multi/m", "--gt", "2021-01-02", "-c", "b")).out())
        .isEqualTo(Cli.csv("timestamp,version,value,note", "2021-01-02T00:00:00,1,3.5,c😀",
            "2021-01-02T00:00:00,2,4.5,d", "2021-01-03T00:00:00,1,5.5,"));
  }

  /** The CSV of one series from its expected columns: floats as Python prints them, the rest as given. */
  static String csv(Map<?, ?> columns) {
    List<String> names = new ArrayList<>();
    List<List<?>> values = new ArrayList<>();
    for (Map.Entry<?, ?> e : columns.entrySet()) {
      names.add((String) e.getKey());
      values.add((List<?>) e.getValue());
    }
    StringBuilder sb = new StringBuilder(String.join(",", names)).append("\r\n");
    for (int i = 0; i < values.get(0).size(); i++) {
      List<String> fields = new ArrayList<>();
      for (List<?> column : values) {
        Object v = column.get(i);
        String text = v instanceof Double ? PythonFloats.repr((Double) v) : String.valueOf(v);
        // the fixture's strings need no CSV quoting; make sure, so that this expectation stays trivial
        assertThat(text).doesNotContain(",", "\"", "\n", "\r");
        fields.add(text);
      }
      sb.append(String.join(",", fields)).append("\r\n");
    }
    return sb.toString();
  }
}
