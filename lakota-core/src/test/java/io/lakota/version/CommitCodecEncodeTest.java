package io.lakota.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Closed;
import io.lakota.format.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link CommitCodec#encode} (parts written into an array of the exact size) writes the very bytes of the
 * msgpack-java packer ({@link CommitCodec#encodeWithPacker}), for commits of every header size: few and many rows
 * and embedded arrays, short and long binaries, non-ASCII and long labels and column names.
 */
class CommitCodecEncodeTest {
  private static String text(Random random, int maxLength) {
    int len = random.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      int kind = random.nextInt(10);
      b.append(kind < 7 ? (char) ('a' + random.nextInt(26)) : kind == 7 ? 'é' : kind == 8 ? '雪' : "🦬");
    }
    return b.toString();
  }

  private static Commit commit(Random random, Schema schema, int rows, int maxLabel) {
    List<CommitRow> list = new ArrayList<>();
    Map<String, byte[]> embedded = new TreeMap<>();
    int columns = schema.columns().size();
    for (int r = 0; r < rows; r++) {
      String[] digests = new String[columns];
      for (int c = 0; c < columns; c++) {
        digests[c] = String.format("%040x", random.nextLong() & Long.MAX_VALUE);
        if (random.nextInt(3) > 0) {
          byte[] array = new byte[random.nextInt(4) == 0 ? random.nextInt(70_000) : random.nextInt(300)];
          random.nextBytes(array);
          embedded.put(digests[c], array);
        }
      }
      Object[] start = schema.index().size() == 1 ? new Object[] {(long) 2 * r} : new Object[] {(long) 2 * r, "k"};
      Object[] stop = schema.index().size() == 1 ? new Object[] {(long) 2 * r + 1}
          : new Object[] {(long) 2 * r + 1, "k" + text(random, 5)};
      list.add(new CommitRow(String.format("%06d", r) + text(random, maxLabel), start, stop, digests,
          random.nextInt(1 << 20), Closed.values()[random.nextInt(4)]));
    }
    embedded.put("0000unreferenced", new byte[] {1, 2, 3});
    return Commit.of(schema, list, embedded);
  }

  @Test
  void exactSizeEncodingIsTheBytesOfThePacker() {
    Random random = new Random(7);
    List<Schema> schemas = List.of(
        Schema.parse("timestamp timestamp*", "value float"),
        Schema.parse("timestamp int*", "part str*", "value float", "note str", "n int"),
        Schema.parse("tîmestamp int*", "válue float"),
        Schema.parse("t".repeat(600) + " int*", "v".repeat(300) + " float"));
    int[] sizes = {0, 1, 2, 15, 16, 17, 300};
    int checked = 0;
    for (Schema schema : schemas) {
      for (int rows : sizes) {
        for (int maxLabel : new int[] {0, 40, 700}) {
          Commit c = commit(random, schema, rows, maxLabel);
          assertThat(CommitCodec.encode(c)).as("%s, %d rows, labels up to %d", schema, rows, maxLabel)
              .isEqualTo(CommitCodec.encodeWithPacker(c));
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(84);
  }

  @Test
  void encodingOfW4sFinalCommitIsTheBytesOfThePacker() {
    // 1000 rows of 100 labels, 2000 embedded arrays: the map of embedded arrays needs a 16-bit header
    Schema schema = Schema.parse("timestamp timestamp*", "value float");
    Random random = new Random(11);
    Commit c = commit(random, schema, 1000, 3);
    assertThat(c.embedded().size()).isGreaterThan(1000);
    assertThat(CommitCodec.encode(c)).isEqualTo(CommitCodec.encodeWithPacker(c));
  }

  @Test
  void updatesThatDropRowsLeaveTheirArraysOut() {
    // writes over random, often overlapping ranges of a few labels: rows are cut, replaced and dropped whole, and
    // a commit that knows its arrays are all referenced must encode exactly as one that has to check
    Schema schema = Schema.parse("timestamp int*", "value float");
    Random random = new Random(3);
    Commit c = Commit.empty(schema);
    int dropped = 0;
    for (int w = 0; w < 400; w++) {
      long start = random.nextInt(200);
      long stop = start + random.nextInt(random.nextInt(4) == 0 ? 60 : 5);
      String[] digests = {String.format("%040x", 2 * w), String.format("%040x", 2 * w + 1)};
      Map<String, byte[]> embedded = new TreeMap<>();
      embedded.put(digests[0], new byte[] {(byte) w, 1});
      if (random.nextBoolean()) {
        embedded.put(digests[1], new byte[] {(byte) w, 2});
      }
      int before = c.size();
      c = c.update(new CommitRow("s" + random.nextInt(3), new Object[] {start}, new Object[] {stop}, digests, 2,
          Closed.values()[random.nextInt(4)]), embedded);
      dropped += c.size() <= before ? 1 : 0;
      if (w % 20 == 19) {
        byte[] payload = CommitCodec.encode(c);
        assertThat(payload).isEqualTo(CommitCodec.encode(Commit.of(schema, c.rows(), c.embedded())));
        assertThat(payload).isEqualTo(CommitCodec.encodeWithPacker(c));
        java.util.Set<String> referenced = new java.util.HashSet<>();
        for (CommitRow row : c.rows()) {
          referenced.addAll(List.of(row.digests()));
        }
        referenced.retainAll(c.embedded().keySet());
        assertThat(CommitCodec.decode(schema, payload, "test").embedded().keySet())
            .containsExactlyInAnyOrderElementsOf(referenced);
      }
    }
    assertThat(dropped).isGreaterThan(50);
  }
}
