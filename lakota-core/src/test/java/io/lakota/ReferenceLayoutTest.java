package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.id.Hextime;
import io.lakota.storage.file.FilePod;
import io.lakota.testing.PlainPod;
import io.lakota.version.Commit;
import io.lakota.version.CommitRow;
import io.lakota.version.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, acceptance 4: a file repository where our writers committed concurrently (commit locks in use) holds
 * only what the reference expects (FORMAT.md §1), so a reference reader lists, reads and appends to it, and a
 * reference garbage collection (SEMANTICS.md §16, simulated here on the raw folder with the reference's own listing
 * and name splitting) neither crashes nor removes anything our readers need.
 */
class ReferenceLayoutTest {
  static final Pattern HEX = Pattern.compile("[0-9a-f]+");
  static final Pattern REVISION = Pattern.compile("[0-9a-f]{11}-[0-9a-f]{40}\\.[0-9a-f]{11}-[0-9a-f]{40}");

  @TempDir Path tmp;

  /** {@code n} rows from timestamp {@code from}, random values (so that arrays are stored as data files). */
  static Map<String, Object> rows(int from, int n, long seed) {
    long[] ts = new long[n];
    double[] v = new double[n];
    java.util.random.RandomGenerator random =
        java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int i = 0; i < n; i++) {
      ts[i] = from + i;
      v[i] = random.nextDouble();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", ts);
    m.put("value", v);
    return m;
  }

  @Test
  void concurrentCommitsLeaveAReferenceLayoutThatSurvivesAReferenceGc() throws Exception {
    Path root = tmp.resolve("repo");
    Repo ours = new Repo(new FilePod(root));
    List<Callable<Object>> creations = new ArrayList<>();
    for (String label : List.of("a", "b", "c", "d")) {
      Repo own = new Repo(new FilePod(root));
      creations.add(() -> own.createCollection(ApiContract.S1, label));
    }
    ConcurrencyContract.runAll(creations);
    List<Callable<Object>> writes = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int from = w * 1000;
      Repo own = new Repo(new FilePod(root));
      writes.add(() -> own.collection(from % 2000 == 0 ? "a" : "b").series("s").write(rows(from, 1000, from)));
      writes.add(() -> own.collection("d").series("s" + from).write(rows(from, 1000, -from)));
    }
    ConcurrencyContract.runAll(writes);
    // a writer without the lock (the reference) appends, then ours commits on top of it
    new Repo(new PlainPod(new FilePod(root))).collection("c").series("s").write(rows(0, 2000, 1));
    ours.collection("c").series("s").write(rows(1000, 2000, 2));
    ours.delete("d"); // its data files become garbage for the gc below

    Map<String, Frame> before = frames(new Repo(new FilePod(root)));
    assertThat(before.get("a/s").length()).isEqualTo(4000);
    assertThat(before.get("b/s").length()).isEqualTo(4000);
    assertThat(before.get("c/s").length()).isEqualTo(3000);
    Set<String> folders = assertReferenceLayout(root, new Repo(new FilePod(root)));
    assertThat(folders).hasSize(4); // the registry and a, b, c
    try (Stream<Path> locks = Files.walk(root.resolve(".lakota-tmp/locks"))) {
      assertThat(locks.filter(Files::isRegularFile).count()).as("commit locks in use").isEqualTo(5);
    }

    int[] first = referenceGc(root, active(new Repo(new FilePod(root))));
    assertThat(first[1]).as("buried").isGreaterThan(0);
    Thread.sleep(5);
    int[] second = referenceGc(root, active(new Repo(new FilePod(root))));
    assertThat(second[0]).as("deleted").isEqualTo(first[1]);
    assertReferenceLayout(root, new Repo(new FilePod(root)));

    Repo after = new Repo(new FilePod(root));
    assertThat(frames(after)).isEqualTo(before);
    // our writers still commit (the lock files were invisible to the gc) and readers see it
    after.collection("a").series("s").write(rows(10_000, 10, 0));
    Collection a = new Repo(new FilePod(root)).collection("a");
    assertThat(a.series("s").length()).isEqualTo(4010);
    assertThat(a.heads()).hasSize(1);
  }

  static Map<String, Frame> frames(Repo repo) {
    Map<String, Frame> out = new LinkedHashMap<>();
    for (Collection c : repo.collections()) {
      for (String s : c.ls()) {
        out.put(c.label() + "/" + s, c.series(s).frame());
      }
    }
    return out;
  }

  /** The digests referenced by any revision of the registry or of a collection (embedded ones excepted). */
  static Set<String> active(Repo repo) {
    Set<String> out = new HashSet<>();
    List<Collection> all = new ArrayList<>(repo.collections());
    all.add(repo.registry());
    for (Collection c : all) {
      for (Revision r : c.changelog().log()) {
        Commit commit = c.commit(r);
        for (CommitRow row : commit.rows()) {
          for (String d : row.digests()) {
            if (!commit.embedded().containsKey(d)) {
              out.add(d);
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Checks the layout against FORMAT.md §1 as the reference sees it; returns the changelog folders. The root holds
   * two-hex folders and our temporary folder, whose files all lie deeper than the reference's gc looks (or carry no
   * dot, which it skips); changelog folders hold revision files only; everything else is a data file.
   */
  static Set<String> assertReferenceLayout(Path root, Repo repo) throws IOException {
    Set<String> changelogs = new HashSet<>();
    changelogs.add(Repo.REGISTRY_PATH);
    for (Collection c : repo.collections()) {
      changelogs.add(c.path());
    }
    for (String folder : changelogs) {
      try (Stream<Path> entries = Files.list(root.resolve(folder))) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .as("changelog folder %s", folder).allMatch(n -> REVISION.matcher(n).matches());
      }
    }
    try (Stream<Path> top = Files.list(root)) {
      for (Path entry : (Iterable<Path>) top::iterator) {
        String name = entry.getFileName().toString();
        assertThat(Files.isDirectory(entry)).as("%s is a folder", name).isTrue();
        if (!name.equals(".lakota-tmp")) {
          assertThat(name).matches("[0-9a-f]{2}");
        }
      }
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        String[] parts = rel.split("/");
        if (parts[0].equals(".lakota-tmp")) {
          assertThat(parts.length > 3 || !rel.substring(".lakota-tmp".length()).contains("."))
              .as("%s is out of the reference gc's sight", rel).isTrue();
        } else if (parts.length == 4) {
          assertThat(changelogs).as("%s is in a changelog folder", rel).contains(parts[0] + "/" + parts[1] + "/" + parts[2]);
        } else {
          assertThat(parts).as("%s is a data file", rel).hasSize(3);
          assertThat(String.join("", parts).split("\\.")[0]).matches("[0-9a-f]{40}");
        }
      }
    }
    return changelogs;
  }

  /**
   * The reference's two-phase gc (SEMANTICS.md §16) with {@code timeout = 0}, on the raw folder: every top-level
   * entry is walked two levels deep and each file's name, its path without slashes, split on dots as Python's
   * {@code str.split(".")} does. Returns {hard deletions, soft deletions}.
   */
  static int[] referenceGc(Path root, Set<String> active) throws IOException {
    List<String> dataFiles = new ArrayList<>();
    try (Stream<Path> top = Files.list(root)) {
      for (Path entry : (Iterable<Path>) top::iterator) {
        try (Stream<Path> files = Files.walk(entry, 2)) {
          files.filter(Files::isRegularFile)
              .forEach(f -> dataFiles.add(entry.getFileName() + entry.relativize(f).toString().replace("/", "")));
        }
      }
    }
    String now = Hextime.of(System.currentTimeMillis());
    int hard = 0;
    int soft = 0;
    for (String d : dataFiles) {
      if (active.contains(d)) {
        continue;
      }
      String[] split = d.split("\\.", -1);
      assertThat(split.length).as("the reference unpacks %s into two names", d).isLessThanOrEqualTo(2);
      if (split.length == 1) {
        assertThat(HEX.matcher(d).matches()).as("the reference buries %s", d).isTrue();
        Path p = root.resolve(d.substring(0, 2)).resolve(d.substring(2, 4)).resolve(d.substring(4));
        Files.move(p, p.resolveSibling(p.getFileName() + "." + now));
        soft++;
      } else if (split[1].compareTo(now) <= 0) {
        String dig = split[0];
        Path p = root.resolve(dig.substring(0, 2)).resolve(dig.substring(2, 4)).resolve(dig.substring(4) + "." + split[1]);
        if (active.contains(dig)) {
          Files.move(p, p.resolveSibling(dig.substring(4)));
        } else {
          Files.delete(p);
          hard++;
        }
      }
    }
    return new int[] {hard, soft};
  }
}
