package io.lakota.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Closed;
import io.lakota.format.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link CommitEncoding}: a payload assembled from the pieces of the previous commit's is byte for byte the payload
 * msgpack-java's packer writes for the commit ({@link CommitCodec#encodeWithPacker}), whatever the write did to the
 * rows (appended, cut, replaced, dropped whole, relabelled), to the embedded arrays (new, shared, no longer
 * referenced) and to the string columns' widths.
 */
class CommitEncodingTest {
  private static final Schema ONE = Schema.parse("timestamp int*", "value float");
  private static final Schema TWO = Schema.parse("timestamp int*", "part str*", "value float", "note str");

  private static String label(Random random) {
    int kind = random.nextInt(20);
    // mostly short ASCII labels; sometimes non-ASCII ones, and rarely one too long for msgpack2's packed items
    return kind < 15 ? "s" + random.nextInt(8) : kind < 19 ? "sé雪" + random.nextInt(3) : "L".repeat(600);
  }

  /** A write of a random range of a random label, with arrays embedded or not. */
  private static void write(Random random, Schema schema, int w, List<CommitRow> rows,
      List<Map<String, byte[]>> embedded) {
    long start = random.nextInt(300);
    long stop = start + random.nextInt(random.nextInt(5) == 0 ? 80 : 4);
    int columns = schema.columns().size();
    String[] digests = new String[columns];
    Map<String, byte[]> arrays = new LinkedHashMap<>();
    for (int c = 0; c < columns; c++) {
      digests[c] = String.format("%08x%032x", random.nextInt(), (long) w * columns + c);
      if (random.nextInt(4) > 0) {
        byte[] array = new byte[random.nextInt(10) == 0 ? 300 + random.nextInt(70_000) : 1 + random.nextInt(60)];
        random.nextBytes(array);
        arrays.put(digests[c], array);
      }
    }
    Object[] from = schema.index().size() == 1 ? new Object[] {start} : new Object[] {start, "a"};
    Object[] to = schema.index().size() == 1 ? new Object[] {stop} : new Object[] {stop, "z" + random.nextInt(9)};
    rows.add(new CommitRow(label(random), from, to, digests, 1 + random.nextInt(1000),
        Closed.values()[random.nextInt(4)]));
    embedded.add(arrays);
  }

  private static void assertSame(CommitEncoding e, Commit c) {
    assertThat(e.commit()).isSameAs(c);
    assertThat(e.payload()).isEqualTo(CommitCodec.encodeWithPacker(c));
  }

  @Test
  void assembledPayloadsAreThePackersWhateverTheWritesDid() {
    int checked = 0;
    for (Schema schema : List.of(ONE, TWO)) {
      Random random = new Random(schema.columns().size());
      Commit c = Commit.empty(schema);
      CommitEncoding e = CommitCodec.encode(c, null);
      assertSame(e, c);
      for (int step = 0; step < 300; step++) {
        List<CommitRow> rows = new ArrayList<>();
        List<Map<String, byte[]>> embedded = new ArrayList<>();
        int op = random.nextInt(10);
        if (op < 6) {
          write(random, schema, step, rows, embedded);
          c = c.update(rows.get(0), embedded.get(0));
        } else if (op < 8) {
          for (int k = 0, n = 1 + random.nextInt(5); k < n; k++) {
            write(random, schema, 1000 * step + k, rows, embedded);
          }
          c = c.updateAll(rows, embedded);
        } else if (op == 8 && !c.rows().isEmpty()) {
          c = c.deleteLabels(Set.of(c.rows().get(random.nextInt(c.size())).label()));
        } else {
          // a commit read back from its payload: new row objects, nothing shared by identity
          c = CommitCodec.decode(schema, CommitCodec.encodeWithPacker(c), "test");
        }
        e = CommitCodec.encode(c, e);
        assertSame(e, c);
        checked++;
      }
      assertThat(c.size()).isGreaterThan(20);
    }
    assertThat(checked).isEqualTo(600);
  }

  @Test
  void anUnrelatedOrOtherSchemaPreviousEncodingIsOnlyAStartingPoint() {
    Random random = new Random(5);
    List<CommitRow> rows = new ArrayList<>();
    List<Map<String, byte[]>> embedded = new ArrayList<>();
    for (int w = 0; w < 40; w++) {
      write(random, ONE, w, rows, embedded);
    }
    Commit a = Commit.empty(ONE).updateAll(rows.subList(0, 20), embedded.subList(0, 20));
    Commit b = Commit.empty(ONE).updateAll(rows.subList(20, 40), embedded.subList(20, 40));
    CommitEncoding ea = CommitCodec.encode(a, null);
    assertSame(CommitCodec.encode(b, ea), b);
    List<CommitRow> other = new ArrayList<>();
    List<Map<String, byte[]>> otherEmbedded = new ArrayList<>();
    write(random, TWO, 99, other, otherEmbedded);
    Commit t = Commit.empty(TWO).update(other.get(0), otherEmbedded.get(0));
    assertSame(CommitCodec.encode(t, ea), t);
    assertSame(CommitCodec.encode(a, CommitCodec.encode(t, ea)), a);
  }

  @Test
  void aLongChainOfOneRowWritesStaysExact() {
    // W4's shape: one-row writes spread over 100 series, every array embedded
    Random random = new Random(11);
    Commit c = Commit.empty(ONE);
    CommitEncoding e = null;
    for (int i = 0; i < 500; i++) {
      String[] digests = {String.format("%040x", random.nextLong() & Long.MAX_VALUE),
          String.format("%040x", random.nextLong() & Long.MAX_VALUE)};
      Map<String, byte[]> arrays = new LinkedHashMap<>();
      arrays.put(digests[0], new byte[] {(byte) i, 0, 1});
      arrays.put(digests[1], new byte[] {(byte) i, 2, 3});
      c = c.update(new CommitRow("s" + (i % 100), new Object[] {(long) i}, new Object[] {(long) i}, digests, 1,
          Closed.BOTH), arrays);
      e = CommitCodec.encode(c, e);
      if (i % 50 == 49) {
        assertSame(e, c);
      }
    }
    assertThat(CommitCodec.decode(ONE, e.payload(), "test")).isEqualTo(c);
  }
}
