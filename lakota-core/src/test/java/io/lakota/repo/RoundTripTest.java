package io.lakota.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.Collection;
import io.lakota.Frame;
import io.lakota.Repo;
import io.lakota.format.Columns;
import io.lakota.format.Schema;
import io.lakota.id.Digests;
import io.lakota.id.HashedPath;
import io.lakota.id.RevisionName;
import io.lakota.storage.Pod;
import io.lakota.testing.Backends;
import io.lakota.version.CommitRow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A repository written by this project with every column type reads back equal, and its files follow FORMAT.md's
 * interoperability checklist (issue acceptance 4).
 */
class RoundTripTest {
  static final long SEED = 20261122L;
  static final Schema ALL_TYPES = Schema.parse(
      "timestamp timestamp*", "day date", "ms M8[ms]", "us M8[us]", "ns M8[ns]", "i8 int", "i4 int32",
      "i2 int16", "i1 int8", "u1 uint8", "f8 float", "f4 float32", "flag bool", "code U3", "note str",
      "extra O");
  static final String[] STRINGS = {"", "a", "é", "😀", "Brussels", "é😀x", "日本語", "\u0000x", "a,b\"c"};

  @TempDir Path tmp;

  static Map<String, Object> columns(int n, RandomGenerator rnd) {
    long[] ts = new long[n];
    long[] day = new long[n];
    long[] ms = new long[n];
    long[] us = new long[n];
    long[] ns = new long[n];
    long[] i8 = new long[n];
    int[] i4 = new int[n];
    short[] i2 = new short[n];
    byte[] i1 = new byte[n];
    byte[] u1 = new byte[n];
    double[] f8 = new double[n];
    float[] f4 = new float[n];
    boolean[] flag = new boolean[n];
    String[] code = new String[n];
    String[] note = new String[n];
    Object[] extra = new Object[n];
    double walk = 0;
    for (int i = 0; i < n; i++) {
      ts[i] = 1577836800L + i;
      day[i] = rnd.nextLong(-1000, 30000);
      ms[i] = rnd.nextLong();
      us[i] = rnd.nextLong();
      ns[i] = rnd.nextLong();
      i8[i] = rnd.nextLong();
      i4[i] = rnd.nextInt();
      i2[i] = (short) rnd.nextInt();
      i1[i] = (byte) rnd.nextInt();
      u1[i] = (byte) rnd.nextInt();
      walk += rnd.nextDouble() - 0.5;
      f8[i] = walk;
      f4[i] = (float) walk;
      flag[i] = rnd.nextBoolean();
      code[i] = STRINGS[rnd.nextInt(STRINGS.length)].replace("\u0000", "");
      if (code[i].codePointCount(0, code[i].length()) > 3) {
        code[i] = code[i].substring(0, code[i].offsetByCodePoints(0, 3));
      }
      note[i] = STRINGS[rnd.nextInt(STRINGS.length)] + (i % 7 == 0 ? "" : Integer.toString(i));
      extra[i] = i % 3 == 0 ? null : i % 3 == 1 ? (Object) (long) i : Map.of("k", note[i]);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", ts);
    m.put("day", day);
    m.put("ms", ms);
    m.put("us", us);
    m.put("ns", ns);
    m.put("i8", i8);
    m.put("i4", i4);
    m.put("i2", i2);
    m.put("i1", i1);
    m.put("u1", u1);
    m.put("f8", f8);
    m.put("f4", f4);
    m.put("flag", flag);
    m.put("code", code);
    m.put("note", note);
    m.put("extra", extra);
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.lakota.testing.Backends#all")
  void everyColumnTypeReadsBackEqual(String name, Backends.Factory backend) {
    Pod pod = backend.apply(tmp);
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    Repo repo = new Repo(pod);
    Collection c = repo.createCollection(ALL_TYPES, "all types é😀");
    // 3 rows: every array embedded; 40 000 rows: files, and int64 arrays of 320 000 bytes span two blosc blocks
    Map<String, Frame> written = new LinkedHashMap<>();
    for (int n : new int[] {3, 40_000, 0}) {
      if (n == 0) {
        continue;
      }
      Frame f = new Frame(ALL_TYPES, columns(n, rnd));
      String label = "s" + n;
      assertThat(c.series(label).write(f)).hasSize(1);
      written.put(label, f);
    }
    String[] empty = {"", "", ""};
    Map<String, Object> emptyStrings = columns(3, rnd);
    emptyStrings.put("note", empty);
    emptyStrings.put("code", empty);
    Frame e = new Frame(ALL_TYPES, emptyStrings);
    c.series("empty strings").write(e);
    written.put("empty strings", e);

    Repo fresh = new Repo(pod);
    assertThat(fresh.ls()).containsExactly("all types é😀");
    Collection back = fresh.collection("all types é😀");
    assertThat(back.schema()).isEqualTo(ALL_TYPES);
    assertThat(back.ls()).containsExactly("empty strings", "s3", "s40000");
    for (Map.Entry<String, Frame> w : written.entrySet()) {
      Frame r = back.series(w.getKey()).frame();
      assertThat(r.length()).isEqualTo(w.getValue().length());
      for (String col : ALL_TYPES.names()) {
        Object a = w.getValue().column(col);
        Object b = r.column(col);
        if (col.equals("extra")) {
          assertThat(java.util.Arrays.deepToString((Object[]) b)).as(col)
              .isEqualTo(java.util.Arrays.deepToString((Object[]) a));
        } else {
          assertThat(Columns.equal(a, b)).as(w.getKey() + "." + col).isTrue();
        }
      }
    }

    // small arrays are embedded in the commit, large ones are data files named by their digest
    List<CommitRow> rows = back.leafCommit().rows();
    Set<String> embedded = back.leafCommit().embedded().keySet();
    for (CommitRow row : rows) {
      for (int i = 0; i < ALL_TYPES.columns().size(); i++) {
        String d = row.digest(i);
        boolean isEmbedded = embedded.contains(d);
        assertThat(isEmbedded || pod.isFile(HashedPath.of(d))).as(row + " column " + i).isTrue();
        if (row.label().equals("s3")) {
          assertThat(isEmbedded).isTrue();
        }
        if (isEmbedded) {
          assertThat(back.leafCommit().embedded().get(d).length).isLessThan(1024);
          assertThat(pod.isFile(HashedPath.of(d))).isFalse();
        }
      }
    }
    CommitRow big = rows.stream().filter(r -> r.label().equals("s40000")).findFirst().orElseThrow();
    // random int64 are incompressible: stored MEMCPYED; the random walk compresses into a two-block frame
    byte[] randomFile = pod.read(HashedPath.of(big.digest(ALL_TYPES.position("i8"))));
    assertThat(randomFile[2] & 0xff).isEqualTo(0x96);
    byte[] i8File = pod.read(HashedPath.of(big.digest(ALL_TYPES.position("f8"))));
    assertThat(i8File[2] & 0xff).isEqualTo(0x94);
    int nbytes = java.nio.ByteBuffer.wrap(i8File, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    int blocksize = java.nio.ByteBuffer.wrap(i8File, 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    assertThat(nbytes).isEqualTo(320_000);
    assertThat(blocksize).isEqualTo(262_144);
    // numeric digests are the SHA-1 of the raw little-endian values
    long[] i8 = (long[]) written.get("s40000").column("i8");
    assertThat(big.digest(ALL_TYPES.position("i8")))
        .isEqualTo(Digests.sha1(io.lakota.format.internal.LittleEndian.toBytes(i8, 0, i8.length)));
    checkLayout(pod, back.path());
  }

  /** FORMAT.md §1 and §11: only the expected files exist, under the expected names. */
  static void checkLayout(Pod pod, String collectionPath) {
    for (String top : pod.ls()) {
      assertThat(top).matches("[0-9a-f]{2}");
    }
    for (String path : pod.walk()) {
      String[] parts = path.split("/");
      assertThat(parts).as(path).hasSize(parts.length == 4 ? 4 : 3);
      String folder = parts[0] + "/" + parts[1] + "/" + parts[2];
      if (parts.length == 4) {
        assertThat(folder).as(path).isIn(Repo.REGISTRY_PATH, collectionPath);
        assertThat(RevisionName.isName(parts[3])).as(path).isTrue();
      } else {
        assertThat(parts[0] + parts[1] + parts[2]).as(path).matches("[0-9a-f]{40}");
      }
    }
    assertThat(pod.ls(Repo.REGISTRY_PATH, false)).hasSize(1);
  }
}
