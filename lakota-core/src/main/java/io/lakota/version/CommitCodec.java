package io.lakota.version;

import io.lakota.errors.CorruptObjectException;
import io.lakota.format.Closed;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.format.codec.ColumnCodec;
import io.lakota.format.internal.MsgpackValues;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * Encodes and decodes commit payloads (FORMAT.md §5.2): the msgpack2 encoding of a one-element object array whose
 * element maps {@code start}, {@code stop}, {@code digest}, {@code length}, {@code closed}, {@code label},
 * {@code embedded} (in that order) to encoded arrays. Thread-safe.
 */
public final class CommitCodec {
  private static final ColumnCodec DIGESTS = ColumnCodec.of(Dtype.STR, List.of("msgpack2", "zstd"));
  private static final ColumnCodec LENGTHS = ColumnCodec.of(Dtype.INT64, List.of("blosc"));

  private CommitCodec() {}

  /**
   * The payload of a commit; embedded arrays not referenced by its rows are left out. Byte for byte what
   * msgpack-java's packer writes ({@link #encodeWithPacker}, checked by {@code CommitCodecEncodeTest}), written into
   * one array of the payload's exact size ({@link CommitEncoding}).
   */
  public static byte[] encode(Commit commit) {
    return encode(commit, null).payload();
  }

  /**
   * The encoding of {@code commit}, assembled from the pieces of {@code previous} (may be null) where the two
   * commits share rows and embedded arrays: what a writer keeps from one commit to the next so that a write costs
   * time in proportion to what it changes. Same payload as {@link #encode(Commit)}.
   */
  public static CommitEncoding encode(Commit commit, CommitEncoding previous) {
    CommitEncoding e = CommitEncoding.of(commit, previous);
    // long column names or digests, which msgpack-java writes in its own way, and payloads above 2 GB
    return e != null ? e : CommitEncoding.whole(commit, encodeWithPacker(commit));
  }

  /** Item {@code c} of the start (or stop) tuple of every row, as an array of the column's storage type. */
  private static Object tupleColumn(ColumnDefinition col, int c, List<CommitRow> rows, boolean start) {
    return CommitEncoding.column(rows, col.dtype(), r -> (start ? r.startRef() : r.stopRef())[c]);
  }

  /**
   * The payload of a commit written with msgpack-java's packer: the reference encoding for {@link #encode}, and
   * its fallback for a payload above 2 GB (which the packer cannot produce either, but fails on with its own error).
   */
  static byte[] encodeWithPacker(Commit commit) {
    Schema schema = commit.schema();
    List<CommitRow> rows = commit.rows();
    int n = rows.size();
    List<ColumnDefinition> index = schema.index();
    List<ColumnDefinition> columns = schema.columns();
    // one buffer sized for the payload (the embedded arrays dominate small-write commits): no chunk list to copy
    long estimate = 4096 + 64L * n * (columns.size() + 2 * index.size() + 2);
    for (byte[] e : commit.embedded().values()) {
      estimate += e.length + 48;
    }
    int bufferSize = (int) Math.min(estimate, 1 << 26);
    try (MessageBufferPacker p = new MessagePack.PackerConfig().withBufferSize(bufferSize).newBufferPacker()) {
      p.packArrayHeader(3);
      p.packMapHeader(7);
      p.packString("start");
      packTuples(p, index, rows, true);
      p.packString("stop");
      packTuples(p, index, rows, false);
      Parts parts = Parts.of(commit);
      p.packString("digest");
      p.packMapHeader(columns.size());
      for (int c = 0; c < columns.size(); c++) {
        p.packString(columns.get(c).name());
        packBin(p, parts.digests()[c]);
      }
      p.packString("length");
      packBin(p, parts.lengths());
      p.packString("closed");
      packBin(p, parts.closed());
      p.packString("label");
      packBin(p, parts.labels());
      List<Map.Entry<String, byte[]>> embedded = parts.embedded();
      p.packString("embedded");
      p.packMapHeader(embedded.size());
      for (Map.Entry<String, byte[]> e : embedded) {
        p.packString(e.getKey());
        packBin(p, e.getValue());
      }
      p.packString("|O");
      p.packArrayHeader(1);
      p.packInt(1);
      return p.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory msgpack packing cannot fail", e);
    }
  }

  /**
   * The encoded columns of a commit's rows, shared by both encoders: per data column the msgpack2 array of digests,
   * the lengths, closed flags and labels, and the embedded arrays that the rows reference (in the commit's order).
   */
  private record Parts(byte[][] digests, byte[] lengths, byte[] closed, byte[] labels,
      List<Map.Entry<String, byte[]>> embedded) {
    static Parts of(Commit commit) {
      List<CommitRow> rows = commit.rows();
      int n = rows.size();
      int columns = commit.schema().columns().size();
      byte[][] digests = new byte[columns][];
      for (int c = 0; c < columns; c++) {
        String[] d = new String[n];
        for (int r = 0; r < n; r++) {
          d[r] = rows.get(r).digest(c);
        }
        digests[c] = DIGESTS.encode(d);
      }
      long[] lengths = new long[n];
      String[] closed = new String[n];
      String[] labels = new String[n];
      for (int r = 0; r < n; r++) {
        CommitRow row = rows.get(r);
        lengths[r] = row.length();
        closed[r] = row.closed().letter();
        labels[r] = row.label();
      }
      return new Parts(digests, LENGTHS.encode(lengths), DIGESTS.encode(closed), DIGESTS.encode(labels),
          commit.referencedEmbedded());
    }
  }

  private static void packTuples(MessageBufferPacker p, List<ColumnDefinition> index, List<CommitRow> rows,
      boolean start) throws IOException {
    p.packMapHeader(index.size());
    for (int c = 0; c < index.size(); c++) {
      ColumnDefinition col = index.get(c);
      p.packString(col.name());
      packBin(p, ColumnCodec.of(col).encode(tupleColumn(col, c, rows, start)));
    }
  }

  private static void packBin(MessageBufferPacker p, byte[] b) throws IOException {
    p.packBinaryHeader(b.length);
    p.writePayload(b);
  }

  /**
   * Decodes a payload with the collection's schema.
   *
   * @param location the revision path, for error messages
   * @throws CorruptObjectException naming {@code location} and the problem
   */
  public static Commit decode(Schema schema, byte[] payload, String location) {
    try {
      return decodeUnchecked(schema, payload);
    } catch (CorruptObjectException e) {
      throw e.at(location);
    } catch (MessagePackException | IOException | ClassCastException | IllegalArgumentException e) {
      throw new CorruptObjectException(location, "malformed commit (" + e + ")", e);
    }
  }

  private static Commit decodeUnchecked(Schema schema, byte[] payload) throws IOException {
    Map<?, ?> m;
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(payload)) {
      Object top = MsgpackValues.unpack(u, payload.length, 0);
      if (!(top instanceof List) || ((List<?>) top).size() != 3) {
        throw new CorruptObjectException(null, "commit is not a msgpack2 array of one element");
      }
      List<?> wrapper = (List<?>) top;
      if (!(wrapper.get(0) instanceof Map) || !"|O".equals(wrapper.get(1))
          || !List.of(1L).equals(wrapper.get(2))) {
        throw new CorruptObjectException(null, "commit is not a msgpack2 array of one map");
      }
      if (u.hasNext()) {
        throw new CorruptObjectException(null, "commit is followed by trailing bytes");
      }
      m = (Map<?, ?>) wrapper.get(0);
    }
    long[] lengths = (long[]) LENGTHS.decode(bin(m.get("length"), "length"));
    int n = lengths.length;
    String[] closed = (String[]) DIGESTS.decode(bin(m.get("closed"), "closed"), 0, bin(m.get("closed"), "closed").length, n);
    byte[] labelBytes = bin(m.get("label"), "label");
    String[] labels = (String[]) DIGESTS.decode(labelBytes, 0, labelBytes.length, n);
    Map<?, ?> start = map(m.get("start"), "start");
    Map<?, ?> stop = map(m.get("stop"), "stop");
    Map<?, ?> digest = map(m.get("digest"), "digest");
    List<ColumnDefinition> index = schema.index();
    Object[] starts = new Object[index.size()];
    Object[] stops = new Object[index.size()];
    for (int c = 0; c < index.size(); c++) {
      ColumnDefinition col = index.get(c);
      ColumnCodec codec = ColumnCodec.of(col);
      byte[] s = bin(start.get(col.name()), "start." + col.name());
      byte[] e = bin(stop.get(col.name()), "stop." + col.name());
      starts[c] = codec.decode(s, 0, s.length, n);
      stops[c] = codec.decode(e, 0, e.length, n);
    }
    List<ColumnDefinition> columns = schema.columns();
    String[][] digests = new String[columns.size()][];
    for (int c = 0; c < columns.size(); c++) {
      byte[] d = bin(digest.get(columns.get(c).name()), "digest." + columns.get(c).name());
      digests[c] = (String[]) DIGESTS.decode(d, 0, d.length, n);
    }
    Map<String, byte[]> embedded = new TreeMap<>();
    Object emb = m.get("embedded");
    if (emb != null) {
      for (Map.Entry<?, ?> e : map(emb, "embedded").entrySet()) {
        embedded.put((String) e.getKey(), bin(e.getValue(), "embedded." + e.getKey()));
      }
    }
    List<CommitRow> rows = new ArrayList<>(n);
    Set<String> referenced = new HashSet<>();
    for (int r = 0; r < n; r++) {
      Object[] st = new Object[index.size()];
      Object[] sp = new Object[index.size()];
      for (int c = 0; c < index.size(); c++) {
        st[c] = Array.get(starts[c], r);
        sp[c] = Array.get(stops[c], r);
      }
      String[] ds = new String[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        ds[c] = digests[c][r];
        referenced.add(ds[c]);
      }
      Closed cl;
      try {
        cl = Closed.parse(closed[r]);
      } catch (RuntimeException ex) {
        throw new CorruptObjectException(null, "row " + r + " has closed flag \"" + closed[r] + "\"");
      }
      if (lengths[r] < 0) {
        throw new CorruptObjectException(null, "row " + r + " has negative length " + lengths[r]);
      }
      rows.add(new CommitRow(labels[r], st, sp, ds, lengths[r], cl));
    }
    embedded.keySet().retainAll(referenced);
    try {
      return Commit.ofReferenced(schema, rows, embedded);
    } catch (IllegalStateException e) {
      throw new CorruptObjectException(null, "rows out of order (" + e.getMessage() + ")");
    }
  }

  private static byte[] bin(Object v, String key) {
    if (!(v instanceof byte[])) {
      throw new CorruptObjectException(null, v == null ? "missing key " + key : "key " + key + " is not bytes");
    }
    return (byte[]) v;
  }

  private static Map<?, ?> map(Object v, String key) {
    if (!(v instanceof Map)) {
      throw new CorruptObjectException(null, v == null ? "missing key " + key : "key " + key + " is not a map");
    }
    return (Map<?, ?>) v;
  }
}
