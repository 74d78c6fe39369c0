package io.lakota.version;

import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.format.codec.ColumnCodec;
import io.lakota.format.codec.Msgpack2;
import io.lakota.format.internal.MsgpackOut;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The payload of a commit (FORMAT.md §5.2) with the pieces it was assembled from, so that the payload of a commit
 * derived from it is assembled from copies of those pieces instead of being encoded again.
 *
 * <p>A one-row write changes one row of the leaf commit and adds its embedded arrays, yet the format makes every
 * revision hold the whole leaf commit: encoding it from scratch made a write cost time proportional to the
 * collection's rows (W4). Here each row's msgpack items (its digests, label and closed flag), its start, stop and
 * length values, and each embedded array's map entry are kept packed; the next commit keeps the pieces of the rows
 * it shares with this one (same row objects at the start and at the end, as {@link Commit#update} leaves them) and of
 * the embedded arrays it shares (same digest and array), and packs only the rest. What cannot be copied is done
 * again on the whole: the zstd frames of the string columns, the blosc frames of the start, stop and length
 * columns, which are small. The bytes are exactly those of a full encoding (the packer's, {@code
 * CommitEncodingTest}).
 *
 * <p>Immutable and thread-safe; holds its commit and pieces about the size of the payload.
 */
public final class CommitEncoding {
  private static final ColumnCodec STRINGS = ColumnCodec.of(Dtype.STR, List.of("msgpack2", "zstd"));
  private static final ColumnCodec LENGTHS = ColumnCodec.of(Dtype.INT64, List.of("blosc"));
  private static final byte[] EMPTY = new byte[0];

  private final Commit commit;
  private final byte[] payload;
  /** Per schema column, the digest items of the rows; an entry is null when that column could not be packed. */
  private final Items[] digests;
  private final Items labels;
  private final Items closed;
  private final long[] lengths;
  /** Per index column, the start (stop) value of each row, as an array of the column's storage type. */
  private final Object[] starts;
  private final Object[] stops;
  private final Entries embedded;

  private CommitEncoding(Commit commit, byte[] payload, Items[] digests, Items labels, Items closed, long[] lengths,
      Object[] starts, Object[] stops, Entries embedded) {
    this.commit = commit;
    this.payload = payload;
    this.digests = digests;
    this.labels = labels;
    this.closed = closed;
    this.lengths = lengths;
    this.starts = starts;
    this.stops = stops;
    this.embedded = embedded;
  }

  /** An encoding without pieces (written by msgpack-java's packer): the next one is assembled from scratch. */
  static CommitEncoding whole(Commit commit, byte[] payload) {
    return new CommitEncoding(commit, payload, null, null, null, null, null, null, null);
  }

  /** The commit encoded. */
  public Commit commit() {
    return commit;
  }

  /** The payload; the caller must not modify it. */
  public byte[] payload() {
    return payload;
  }

  /**
   * The encoding of {@code commit}, reusing the pieces of {@code previous} (may be null) for the rows and embedded
   * arrays the two share; null when the payload needs msgpack-java's own layout (a column name or an embedded
   * digest of more than {@link MsgpackOut#MAX_STRING_CHARS} chars) or does not fit in an array.
   */
  static CommitEncoding of(Commit commit, CommitEncoding previous) {
    Schema schema = commit.schema();
    List<ColumnDefinition> index = schema.index();
    List<ColumnDefinition> columns = schema.columns();
    if (longName(index) || longName(columns)) {
      return null;
    }
    CommitEncoding prev = previous != null && previous.digests != null && previous.commit.schema().equals(schema)
        ? previous : null;
    List<CommitRow> rows = commit.rows();
    int n = rows.size();
    // the rows shared with the previous commit: the same objects at the start and at the end
    int prevN = prev == null ? 0 : prev.commit.size();
    List<CommitRow> old = prev == null ? List.of() : prev.commit.rows();
    int head = 0;
    int tail = 0;
    int min = Math.min(n, prevN);
    while (head < min && rows.get(head) == old.get(head)) {
      head++;
    }
    while (tail < min - head && rows.get(n - 1 - tail) == old.get(prevN - 1 - tail)) {
      tail++;
    }
    Splice sp = new Splice(rows, head, n - tail, prevN - tail, tail);

    Items[] digestItems = new Items[columns.size()];
    byte[][] digestBytes = new byte[columns.size()][];
    for (int c = 0; c < columns.size(); c++) {
      int col = c;
      Function<CommitRow, String> digest = r -> r.digest(col);
      digestItems[c] = Items.of(prev == null ? null : prev.digests[c], sp, digest);
      digestBytes[c] = strings(digestItems[c], rows, digest);
    }
    Function<CommitRow, String> label = CommitRow::label;
    Function<CommitRow, String> flag = r -> r.closed().letter();
    Items labelItems = Items.of(prev == null ? null : prev.labels, sp, label);
    Items closedItems = Items.of(prev == null ? null : prev.closed, sp, flag);
    long[] lengthValues = (long[]) sp.values(prev == null ? null : prev.lengths, Dtype.INT64, r -> r.length());
    Object[] startValues = new Object[index.size()];
    Object[] stopValues = new Object[index.size()];
    byte[][] startBytes = new byte[index.size()][];
    byte[][] stopBytes = new byte[index.size()][];
    for (int c = 0; c < index.size(); c++) {
      ColumnDefinition col = index.get(c);
      int at = c;
      startValues[c] = sp.values(prev == null ? null : prev.starts[c], col.dtype(), r -> r.startRef()[at]);
      stopValues[c] = sp.values(prev == null ? null : prev.stops[c], col.dtype(), r -> r.stopRef()[at]);
      startBytes[c] = ColumnCodec.of(col).encode(startValues[c]);
      stopBytes[c] = ColumnCodec.of(col).encode(stopValues[c]);
    }
    Entries entries = Entries.of(prev == null ? null : prev.embedded, commit);
    if (entries == null) {
      return null;
    }
    byte[] payload = assemble(index, columns, startBytes, stopBytes, digestBytes, LENGTHS.encode(lengthValues),
        strings(closedItems, rows, flag), strings(labelItems, rows, label), entries);
    if (payload == null) {
      return null;
    }
    return new CommitEncoding(commit, payload, digestItems, labelItems, closedItems, lengthValues, startValues,
        stopValues, entries);
  }

  /** The value {@code value} gives for each row, as an array of {@code dtype}'s storage type. */
  static Object column(List<CommitRow> rows, Dtype dtype, Function<CommitRow, Object> value) {
    return new Splice(rows, 0, rows.size(), 0, 0).values(null, dtype, value);
  }

  /** The payload's layout (FORMAT.md §5.2), written into one array of its exact size; null when too large. */
  private static byte[] assemble(List<ColumnDefinition> index, List<ColumnDefinition> columns, byte[][] starts,
      byte[][] stops, byte[][] digests, byte[] lengthBytes, byte[] closedBytes, byte[] labelBytes, Entries embedded) {
    byte[][] indexNames = names(index);
    byte[][] columnNames = names(columns);
    long size = 1 + 1 + key("start") + columnMap(indexNames, starts) + key("stop") + columnMap(indexNames, stops)
        + key("digest") + columnMap(columnNames, digests) + key("length") + bin(lengthBytes) + key("closed")
        + bin(closedBytes) + key("label") + bin(labelBytes) + key("embedded")
        + MsgpackOut.sizeOfContainerHeader(embedded.keys.length) + embedded.length() + key("|O") + 2;
    if (size > Integer.MAX_VALUE - 16) {
      return null;
    }
    MsgpackOut out = new MsgpackOut((int) size);
    out.arrayHeader(3);
    out.mapHeader(7);
    out.writeAscii("start");
    writeColumnMap(out, indexNames, starts);
    out.writeAscii("stop");
    writeColumnMap(out, indexNames, stops);
    out.writeAscii("digest");
    writeColumnMap(out, columnNames, digests);
    out.writeAscii("length");
    out.binary(lengthBytes);
    out.writeAscii("closed");
    out.binary(closedBytes);
    out.writeAscii("label");
    out.binary(labelBytes);
    out.writeAscii("embedded");
    out.mapHeader(embedded.keys.length);
    out.raw(embedded.body, 0, embedded.length());
    out.writeAscii("|O");
    out.arrayHeader(1);
    out.unsignedInt(1);
    return out.finish();
  }

  /** The encoded string column of the rows: from its packed items, or (none: a string too long) from scratch. */
  private static byte[] strings(Items items, List<CommitRow> rows, Function<CommitRow, String> value) {
    if (rows.isEmpty()) {
      return EMPTY;
    }
    if (items != null) {
      return STRINGS.encodeMsgpack2(
          Msgpack2.encodePackedStrings(items.body, items.length(), items.ends.length, items.width, Dtype.STR));
    }
    String[] all = new String[rows.size()];
    for (int r = 0; r < all.length; r++) {
      all[r] = value.apply(rows.get(r));
    }
    return STRINGS.encode(all);
  }

  private static boolean longName(List<ColumnDefinition> columns) {
    for (ColumnDefinition c : columns) {
      if (c.name().length() > MsgpackOut.MAX_STRING_CHARS) {
        return true;
      }
    }
    return false;
  }

  private static byte[][] names(List<ColumnDefinition> columns) {
    byte[][] out = new byte[columns.size()][];
    for (int c = 0; c < columns.size(); c++) {
      out[c] = columns.get(c).name().getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static long key(String asciiKey) {
    return MsgpackOut.sizeOfStringHeader(asciiKey.length()) + asciiKey.length();
  }

  private static long bin(byte[] b) {
    return MsgpackOut.sizeOfBinaryHeader(b.length) + b.length;
  }

  private static long columnMap(byte[][] names, byte[][] values) {
    long size = MsgpackOut.sizeOfContainerHeader(names.length);
    for (int c = 0; c < names.length; c++) {
      size += MsgpackOut.sizeOfStringHeader(names[c].length) + names[c].length + bin(values[c]);
    }
    return size;
  }

  private static void writeColumnMap(MsgpackOut out, byte[][] names, byte[][] values) {
    out.mapHeader(names.length);
    for (int c = 0; c < names.length; c++) {
      out.string(names[c]);
      out.binary(values[c]);
    }
  }

  /**
   * Where a commit's rows differ from the previous commit's: rows {@code [head, to)} of the commit replace rows
   * {@code [head, prevTo)} of the previous one; the {@code tail} rows after them are shared.
   */
  private record Splice(List<CommitRow> rows, int head, int to, int prevTo, int tail) {
    int size() {
      return head + (to - head) + tail;
    }

    /** The same rows, all of them new (none shared with a previous commit). */
    Splice all() {
      return new Splice(rows, 0, rows.size(), 0, 0);
    }

    /** A per-row value array of {@code dtype}: the previous values of the shared rows, new ones for the others. */
    Object values(Object previous, Dtype dtype, Function<CommitRow, Object> value) {
      Object out = Columns.allocate(dtype, size());
      if (previous != null) {
        System.arraycopy(previous, 0, out, 0, head);
        System.arraycopy(previous, prevTo, out, to, tail);
      }
      long[] longs = out instanceof long[] ? (long[]) out : null;
      double[] doubles = out instanceof double[] ? (double[]) out : null;
      for (int r = head; r < to; r++) {
        Object v = value.apply(rows.get(r));
        if (longs != null && v instanceof Long) {
          longs[r] = (Long) v;
        } else if (doubles != null && v instanceof Double) {
          doubles[r] = (Double) v;
        } else {
          java.lang.reflect.Array.set(out, r, v); // other types, and the widening conversions Array.set allows
        }
      }
      return out;
    }
  }

  /** One string column's msgpack items, one per row, back to back; {@code ends[i]} is where item i ends. */
  private static final class Items {
    final byte[] body;
    final int[] ends;
    final int[] widths;
    /** The widest item in code points, at least 1 (msgpack2's dtype {@code <U…}). */
    final int width;

    private Items(byte[] body, int[] ends, int[] widths) {
      this.body = body;
      this.ends = ends;
      this.widths = widths;
      int w = 1;
      for (int x : widths) {
        w = Math.max(w, x);
      }
      this.width = w;
    }

    int length() {
      return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    int start(int i) {
      return i == 0 ? 0 : ends[i - 1];
    }

    /**
     * The items of the spliced rows: those of {@code prev} for the shared rows, new ones for the others; null when
     * a string is too long to be packed as an item (the column is then encoded whole, every time).
     */
    static Items of(Items prev, Splice splice, Function<CommitRow, String> value) {
      // without the previous items (it could not pack them either) every row is packed
      Splice sp = prev == null ? splice.all() : splice;
      int mid = sp.to - sp.head;
      byte[][] utf8 = new byte[mid][];
      int[] widths = new int[sp.size()];
      long midLen = 0;
      for (int k = 0; k < mid; k++) {
        String v = value.apply(sp.rows.get(sp.head + k));
        if (v.length() > MsgpackOut.MAX_STRING_CHARS) {
          return null;
        }
        utf8[k] = v.getBytes(StandardCharsets.UTF_8);
        widths[sp.head + k] = Msgpack2.width(v, utf8[k]);
        midLen += MsgpackOut.sizeOfStringHeader(utf8[k].length) + utf8[k].length;
      }
      int headLen = prev == null ? 0 : prev.start(sp.head);
      int tailFrom = prev == null ? 0 : prev.start(sp.prevTo);
      int tailLen = prev == null ? 0 : prev.length() - tailFrom;
      if (headLen + midLen + tailLen > Integer.MAX_VALUE - 64) {
        return null;
      }
      byte[] body = new byte[(int) (headLen + midLen + tailLen)];
      int[] ends = new int[sp.size()];
      if (prev != null) {
        System.arraycopy(prev.body, 0, body, 0, headLen);
        System.arraycopy(prev.ends, 0, ends, 0, sp.head);
        System.arraycopy(prev.widths, 0, widths, 0, sp.head);
      }
      MsgpackOut out = new MsgpackOut(body, headLen);
      for (int k = 0; k < mid; k++) {
        out.string(utf8[k]);
        ends[sp.head + k] = out.position();
      }
      if (prev != null) {
        int shift = out.position() - tailFrom;
        out.raw(prev.body, tailFrom, tailLen);
        for (int j = 0; j < sp.tail; j++) {
          ends[sp.to + j] = prev.ends[sp.prevTo + j] + shift;
        }
        System.arraycopy(prev.widths, sp.prevTo, widths, sp.to, sp.tail);
      }
      return new Items(body, ends, widths);
    }
  }

  /** The entries of the {@code embedded} map (str digest, bin array), in key order, back to back. */
  private static final class Entries {
    final String[] keys;
    final byte[][] values;
    final byte[] body;
    final int[] ends;

    private Entries(String[] keys, byte[][] values, byte[] body, int[] ends) {
      this.keys = keys;
      this.values = values;
      this.body = body;
      this.ends = ends;
    }

    int length() {
      return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    int start(int i) {
      return i == 0 ? 0 : ends[i - 1];
    }

    /**
     * The entries of the arrays {@code commit} embeds and references, copied from {@code prev} for the arrays both
     * have (same digest, same array); null when a digest is too long to be written here.
     */
    static Entries of(Entries prev, Commit commit) {
      List<Map.Entry<String, byte[]>> entries = commit.referencedEmbedded();
      int count = entries.size();
      String[] keys = new String[count];
      byte[][] values = new byte[count][];
      for (int i = 0; i < count; i++) {
        keys[i] = entries.get(i).getKey();
        values[i] = entries.get(i).getValue();
      }
      // from[i]: the previous entry that entry i copies, or -1; both key lists are sorted
      int[] from = new int[count];
      long size = 0;
      int j = 0;
      int prevCount = prev == null ? 0 : prev.keys.length;
      for (int i = 0; i < count; i++) {
        String k = keys[i];
        while (j < prevCount && prev.keys[j] != k && prev.keys[j].compareTo(k) < 0) {
          j++;
        }
        if (j < prevCount && prev.values[j] == values[i] && prev.keys[j].equals(k)) {
          from[i] = j;
          size += prev.ends[j] - prev.start(j);
          j++;
        } else {
          if (k.length() > MsgpackOut.MAX_STRING_CHARS) {
            return null;
          }
          from[i] = -1;
          int len = k.getBytes(StandardCharsets.UTF_8).length;
          size += MsgpackOut.sizeOfStringHeader(len) + len + bin(values[i]);
        }
      }
      if (size > Integer.MAX_VALUE - 64) {
        return null;
      }
      byte[] body = new byte[(int) size];
      int[] ends = new int[count];
      MsgpackOut out = new MsgpackOut(body, 0);
      int i = 0;
      while (i < count) {
        if (from[i] < 0) {
          out.string(keys[i].getBytes(StandardCharsets.UTF_8));
          out.binary(values[i]);
          ends[i++] = out.position();
          continue;
        }
        // a run of entries that follow each other in the previous body too: one copy
        int first = i;
        while (i + 1 < count && from[i + 1] == from[i] + 1) {
          i++;
        }
        int src = prev.start(from[first]);
        int shift = out.position() - src;
        out.raw(prev.body, src, prev.ends[from[i]] - src);
        for (int t = first; t <= i; t++) {
          ends[t] = prev.ends[from[t]] + shift;
        }
        i++;
      }
      return new Entries(keys, values, body, ends);
    }
  }
}
