package io.lakota.format.codec;

import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.UnsupportedFormatException;
import io.lakota.format.ColumnDefinition;
import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import io.lakota.format.internal.Blosc;
import io.lakota.format.internal.BloscFrame;
import io.lakota.format.internal.Deflate;
import io.lakota.format.internal.VlenUtf8;
import io.lakota.format.internal.Zstd;
import io.lakota.id.Digests;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Encodes and decodes column arrays with a dtype and a codec chain (FORMAT.md §6.1), and names them by digest
 * (FORMAT.md §7). Immutable and thread-safe.
 *
 * <p>Supported codecs: {@code blosc}, {@code msgpack2}, {@code zstd} (the reference's), and {@code vlen-utf8},
 * {@code gzip}, {@code zlib}. The array codecs ({@code msgpack2}, {@code vlen-utf8}) must come first; other dtypes
 * than strings and objects are otherwise laid out as raw little-endian bytes before the byte codecs run.
 */
public final class ColumnCodec {
  /** Zstd level of the {@code zstd} codec: the reference's default, needed for byte-identical commits. */
  public static final int ZSTD_LEVEL = 1;

  private static final byte[] EMPTY = new byte[0];
  private static final long MAX_DECODED = Integer.MAX_VALUE - 16;

  private final Dtype dtype;
  private final List<String> codecs;
  private final boolean arrayCodecFirst;
  private final int bloscLevel;

  private ColumnCodec(Dtype dtype, List<String> codecs, int bloscLevel) {
    this.dtype = dtype;
    this.codecs = List.copyOf(codecs);
    this.bloscLevel = bloscLevel;
    boolean first = false;
    for (int i = 0; i < codecs.size(); i++) {
      String c = codecs.get(i);
      switch (c) {
        case "msgpack2":
        case "vlen-utf8":
          if (i != 0) {
            throw new UnsupportedFormatException("codec chain", String.join(" ", codecs) + "\" (\"" + c
                + "\" must come first");
          }
          if (c.equals("vlen-utf8") && dtype.storage() != Dtype.Storage.STRING) {
            throw new UnsupportedFormatException("codec for " + dtype.name(), c);
          }
          if (c.equals("msgpack2") && dtype.kind() == Dtype.Kind.DATETIME) {
            throw new UnsupportedFormatException("codec for " + dtype.name(), c);
          }
          first = true;
          break;
        case "blosc":
        case "zstd":
        case "gzip":
        case "zlib":
          break;
        default:
          throw new UnsupportedFormatException("codec", c);
      }
    }
    if (!first && dtype.isVariableSize()) {
      throw new UnsupportedFormatException(
          "codec chain for " + dtype.name() + " (needs msgpack2 or vlen-utf8 first)", String.join(" ", codecs));
    }
    this.arrayCodecFirst = first;
  }

  /** The codec of a schema column, with the default blosc compression level. */
  public static ColumnCodec of(ColumnDefinition column) {
    return new ColumnCodec(column.dtype(), column.codecs(), Blosc.DEFAULT_LEVEL);
  }

  /**
   * A codec for a dtype and chain.
   *
   * @throws UnsupportedFormatException naming the codec or chain when it is not supported for the dtype
   */
  public static ColumnCodec of(Dtype dtype, List<String> codecs) {
    return new ColumnCodec(dtype, codecs, Blosc.DEFAULT_LEVEL);
  }

  /** The same codec with another zstd level inside blosc frames. */
  public ColumnCodec withBloscLevel(int level) {
    return new ColumnCodec(dtype, codecs, level);
  }

  public Dtype dtype() {
    return dtype;
  }

  public List<String> codecs() {
    return codecs;
  }

  /** An encoded array and its digest. */
  public static final class Encoded {
    private final byte[] bytes;
    private final String digest;

    Encoded(byte[] bytes, String digest) {
      this.bytes = bytes;
      this.digest = digest;
    }

    /** The encoded bytes; owned by the caller, not to be modified. */
    public byte[] bytes() {
      return bytes;
    }

    public String digest() {
      return digest;
    }
  }

  /**
   * Encodes a column array and computes its digest: SHA-1 of the raw little-endian values for fixed-size dtypes,
   * of the encoded bytes for {@code <U0} and {@code object}, of the empty string for an empty array.
   */
  public Encoded encodeWithDigest(Object array) {
    if (Columns.length(array) == 0) {
      return new Encoded(EMPTY, Digests.EMPTY);
    }
    if (arrayCodecFirst || dtype.isVariableSize()) {
      byte[] enc = encode(array);
      return new Encoded(enc, dtype.isVariableSize() ? Digests.sha1(enc) : Digests.sha1(RawArrays.toBytes(array, dtype)));
    }
    byte[] raw = RawArrays.toBytes(array, dtype);
    return new Encoded(applyByteCodecs(raw, 0), Digests.sha1(raw));
  }

  /**
   * True when this codec writes numeric arrays as bare blosc frames, which {@link #encodeJob} and
   * {@link #decodeJob} split into block tasks and {@link BlockColumn} reads block by block.
   */
  public boolean isBlockwise() {
    return !arrayCodecFirst && codecs.size() == 1 && codecs.get(0).equals("blosc") && BloscColumns.supports(dtype);
  }

  /**
   * {@link #encodeWithDigest} split into independent tasks, for callers that run them on several threads: one
   * task hashes the array and each other task compresses a run of blosc blocks. Codecs that are not
   * {@link #isBlockwise() blockwise}, and small arrays, give a single task. The result is byte for byte the same.
   *
   * @param chunks the number of block tasks wanted (at least 1)
   */
  public EncodeJob encodeJob(Object array, int chunks) {
    int n = Columns.length(array);
    if (!isBlockwise() || !Columns.isStorageOf(dtype, array) || n == 0) {
      return new EncodeJob().single(() -> encodeWithDigest(array));
    }
    BloscColumns.Layout layout = BloscColumns.layout(dtype, n);
    int blocks = layout.blockCount();
    if (blocks < 2 || chunks < 2) {
      return new EncodeJob().single(() -> encodeWithDigest(array));
    }
    return new EncodeJob(array, layout, Math.min(chunks, blocks));
  }

  /** A column encode as independent tasks; run every task (in any order, on any threads), then {@link #result}. */
  public final class EncodeJob {
    private final List<Runnable> tasks = new ArrayList<>();
    private Encoded single;
    private Object array;
    private BloscColumns.Layout layout;
    private byte[][] pieces;
    private String digest;
    private byte[] frame;

    private EncodeJob() {}

    private EncodeJob(Object array, BloscColumns.Layout layout, int chunks) {
      this.array = array;
      this.layout = layout;
      this.pieces = new byte[chunks][];
      int n = Columns.length(array);
      // the digest is the longest single task: first, so that it starts while the blocks are shared out
      tasks.add(() -> {
        MessageDigest md = Digests.sha1Engine();
        BloscColumns.hash(md, array, dtype, 0, n);
        digest = Digests.hex(md.digest());
      });
      int blocks = layout.blockCount();
      for (int c = 0; c < chunks; c++) {
        int b0 = (int) ((long) blocks * c / chunks);
        int b1 = (int) ((long) blocks * (c + 1) / chunks);
        int k = c;
        tasks.add(() -> pieces[k] = BloscColumns.encodeBlocks(array, dtype, layout, b0, b1, bloscLevel,
            new int[b1 - b0]));
      }
    }

    private EncodeJob single(java.util.function.Supplier<Encoded> encode) {
      tasks.add(() -> single = encode.get());
      return this;
    }

    /** The tasks, each to be run once: the first {@link #digestTasks()} compute the digest, the others encode. */
    public List<Runnable> tasks() {
      return tasks;
    }

    /** How many of the first {@link #tasks()} compute the digest (1 for a split job, else 0). */
    public int digestTasks() {
      return single == null && tasks.size() > 1 ? 1 : 0;
    }

    /** The encoded array, once every encoding task ran (the digest task need not have): assembled once. */
    public synchronized byte[] bytes() {
      if (single != null) {
        return single.bytes();
      }
      if (frame == null) {
        frame = BloscColumns.assemble(array, dtype, layout, java.util.Arrays.asList(pieces));
      }
      return frame;
    }

    /** The encoded array and its digest, once every task ran. */
    public Encoded result() {
      if (single != null) {
        return single;
      }
      return new Encoded(bytes(), digest);
    }
  }

  /**
   * {@link #decode(byte[], int, int, long, String)} split into independent tasks: each decodes a run of blosc blocks
   * straight into the result array (no intermediate copy of the whole column) and feeds the digest the decoded runs
   * that are ready, in order (see {@code InOrderDigest}); the task that feeds it the last run checks it. Codecs that
   * are not {@link #isBlockwise() blockwise} give a single task.
   *
   * @throws CorruptObjectException when the frame's header or block table is corrupt (location not set)
   */
  public DecodeJob decodeJob(byte[] data, int off, int len, long expectedLength, String expectedDigest,
      int chunks) {
    if (!isBlockwise() || len == 0) {
      return new DecodeJob(() -> decode(data, off, len, expectedLength, expectedDigest));
    }
    long limit = expectedLength >= 0 ? expectedLength * dtype.itemSize() : MAX_DECODED;
    BloscFrame frame = BloscFrame.parse(data, off, len, limit);
    if (!BloscColumns.aligned(frame, dtype) || frame.blockCount() < 2) {
      return new DecodeJob(() -> decode(data, off, len, expectedLength, expectedDigest));
    }
    int n = frame.nbytes() / dtype.itemSize();
    if (expectedLength >= 0 && n != expectedLength) {
      throw new CorruptObjectException(null, "decoded " + n + " items where " + expectedLength + " were expected");
    }
    boolean verify = expectedDigest != null && dtype.kind() != Dtype.Kind.DATETIME;
    return new DecodeJob(frame, n, verify ? expectedDigest : null, Math.max(1, Math.min(chunks,
        frame.blockCount())));
  }

  /** A column decode as independent tasks; run every task (in any order, on any threads), then {@link #result}. */
  public final class DecodeJob {
    private final List<Runnable> tasks = new ArrayList<>();
    private Object array;

    private DecodeJob(java.util.function.Supplier<Object> decode) {
      tasks.add(() -> array = decode.get());
    }

    private DecodeJob(BloscFrame frame, int n, String digest, int chunks) {
      Object out = BloscColumns.allocate(dtype, n);
      int blocks = frame.blockCount();
      int per = BloscColumns.elementsPerBlock(frame, dtype);
      InOrderDigest check = digest == null ? null : new InOrderDigest(chunks);
      AtomicInteger remaining = new AtomicInteger(chunks);
      AtomicLong used = new AtomicLong();
      int[] firstBlock = new int[chunks + 1]; // chunk c decodes blocks [firstBlock[c], firstBlock[c + 1])
      for (int c = 0; c <= chunks; c++) {
        firstBlock[c] = (int) ((long) blocks * c / chunks);
      }
      for (int c = 0; c < chunks; c++) {
        int chunk = c;
        tasks.add(() -> {
          used.addAndGet(BloscColumns.decodeBlocks(frame, dtype, out, firstBlock[chunk], firstBlock[chunk + 1]));
          if (remaining.decrementAndGet() == 0) {
            BloscColumns.checkDataArea(frame, used.get());
            if (check == null) {
              array = out;
            }
          }
          // hash the chunks decoded so far, in order, while other threads still decode later ones: the digest
          // is one sequential pass (50 ms for 10 M float64), which would otherwise start after the last block
          if (check != null && check.hashFrom(chunk, k -> {
            int from = firstBlock[k] * per;
            int to = (int) Math.min(n, (long) firstBlock[k + 1] * per);
            BloscColumns.hash(check.md, out, dtype, from, to - from);
          })) {
            checkDigest(Digests.hex(check.md.digest()), digest);
            array = out;
          }
        });
      }
    }

    /** The tasks, each to be run once. */
    public List<Runnable> tasks() {
      return tasks;
    }

    /** The decoded array, once every task ran. */
    public Object result() {
      if (array == null) {
        throw new IllegalStateException("Cannot give the decoded array: some tasks did not run");
      }
      return array;
    }
  }

  /**
   * A digest fed with a column's chunks in order while they are decoded in any order on several threads: the thread
   * that finishes a chunk hashes every consecutive finished chunk from the digest's position on, unless another
   * thread is doing so; that one then also hashes the chunk just finished before it lets go.
   */
  private static final class InOrderDigest {
    final MessageDigest md = Digests.newSha1();
    private final boolean[] decoded;
    private int next;
    private boolean hashing;

    InOrderDigest(int chunks) {
      decoded = new boolean[chunks];
    }

    /**
     * Records chunk {@code c} as decoded, then hashes with {@code hash} what can be hashed, if no other thread is.
     *
     * @return whether this call hashed the last chunk
     */
    boolean hashFrom(int c, IntConsumer hash) {
      synchronized (this) {
        decoded[c] = true;
        if (hashing) {
          return false;
        }
        hashing = true;
      }
      while (true) {
        int k;
        synchronized (this) {
          if (next == decoded.length || !decoded[next]) {
            hashing = false;
            return false;
          }
          k = next;
        }
        hash.accept(k);
        synchronized (this) {
          next = k + 1;
          if (next == decoded.length) {
            hashing = false;
            return true;
          }
        }
      }
    }
  }

  /** Encodes a column array; an empty array encodes to the empty byte string. */
  public byte[] encode(Object array) {
    if (!Columns.isStorageOf(dtype, array)) {
      throw new IllegalArgumentException(
          "Cannot encode a " + array.getClass().getSimpleName() + " as " + dtype.name());
    }
    if (Columns.length(array) == 0) {
      return EMPTY;
    }
    if (arrayCodecFirst) {
      byte[] first = codecs.get(0).equals("msgpack2")
          ? Msgpack2.encode(array, dtype)
          : VlenUtf8.encode((String[]) array);
      return applyByteCodecs(first, 1);
    }
    return applyByteCodecs(RawArrays.toBytes(array, dtype), 0);
  }

  /**
   * The encoding of a string array whose {@code msgpack2} bytes the caller assembled
   * ({@link Msgpack2#encodePackedStrings}): the codecs after {@code msgpack2} applied to them. Same bytes as
   * {@link #encode} of the strings.
   *
   * @throws IllegalStateException when this codec does not start with {@code msgpack2}
   */
  public byte[] encodeMsgpack2(byte[] msgpack2) {
    if (!codecs.get(0).equals("msgpack2")) {
      throw new IllegalStateException("codec " + codecs + " does not start with msgpack2");
    }
    return applyByteCodecs(msgpack2, 1);
  }

  private byte[] applyByteCodecs(byte[] data, int from) {
    byte[] buf = data;
    for (int i = from; i < codecs.size(); i++) {
      switch (codecs.get(i)) {
        case "blosc":
          int ts = dtype.itemSize() == 0 || dtype.itemSize() > 255 || arrayCodecFirst ? 1 : dtype.itemSize();
          buf = Blosc.encode(buf, 0, buf.length, ts, bloscLevel);
          break;
        case "zstd":
          buf = Zstd.compress(buf, 0, buf.length, ZSTD_LEVEL);
          break;
        case "gzip":
          buf = Deflate.gzip(buf);
          break;
        default:
          buf = Deflate.zlib(buf);
      }
    }
    return buf;
  }

  /**
   * Decodes an encoded array.
   *
   * @param expectedLength the number of elements the caller knows the array has (a commit row's length), or -1;
   *     a different decoded length is corruption
   * @throws CorruptObjectException when the bytes cannot be decoded (location not set: callers attach the path)
   */
  public Object decode(byte[] data, int off, int len, long expectedLength) {
    return decode(data, off, len, expectedLength, null);
  }

  /**
   * Decodes an encoded array and checks it against the digest that names it (FORMAT.md §7): the SHA-1 of the
   * encoded bytes for {@code <U0} and {@code object}, of the decoded raw values for fixed-size dtypes. A mismatch is
   * corruption, so a damaged file never reads as wrong values. Datetime columns are the exception: the reference
   * hashed datetime input in the caller's unit (FORMAT.md §7), so their digests cannot be checked.
   *
   * @param expectedDigest the digest naming the array, or null to skip the check
   */
  public Object decode(byte[] data, int off, int len, long expectedLength, String expectedDigest) {
    boolean verify = expectedDigest != null && dtype.kind() != Dtype.Kind.DATETIME;
    if (verify && (dtype.isVariableSize() || len == 0)) {
      checkDigest(Digests.sha1(data, off, len), expectedDigest);
      verify = false;
    }
    if (len == 0) {
      if (expectedLength > 0) {
        throw new CorruptObjectException(null, "empty encoding for an array of " + expectedLength + " items");
      }
      return Columns.empty(dtype);
    }
    long limit = expectedLength >= 0 && dtype.isFixedSize() && !arrayCodecFirst
        ? expectedLength * dtype.itemSize()
        : MAX_DECODED;
    byte[] buf = data;
    int bOff = off;
    int bLen = len;
    int last = arrayCodecFirst ? 1 : 0;
    for (int i = codecs.size() - 1; i >= last; i--) {
      byte[] out;
      switch (codecs.get(i)) {
        case "blosc":
          out = Blosc.decode(buf, bOff, bLen, limit);
          break;
        case "zstd":
          out = Zstd.decompress(buf, bOff, bLen, limit);
          break;
        case "gzip":
          out = Deflate.gunzip(buf, bOff, bLen, limit);
          break;
        default:
          out = Deflate.unzlib(buf, bOff, bLen, limit);
      }
      buf = out;
      bOff = 0;
      bLen = out.length;
      limit = MAX_DECODED;
    }
    Object array;
    if (arrayCodecFirst) {
      array = codecs.get(0).equals("msgpack2")
          ? Msgpack2.decode(buf, bOff, bLen, dtype)
          : VlenUtf8.decode(buf, bOff, bLen);
    } else {
      if (verify) {
        checkDigest(Digests.sha1(buf, bOff, bLen), expectedDigest);
      }
      array = RawArrays.fromBytes(buf, bOff, bLen, dtype);
    }
    if (expectedLength >= 0 && Columns.length(array) != expectedLength) {
      throw new CorruptObjectException(
          null, "decoded " + Columns.length(array) + " items where " + expectedLength + " were expected");
    }
    return array;
  }

  private static void checkDigest(String actual, String expected) {
    if (!actual.equals(expected)) {
      throw new CorruptObjectException(null, "content hashes to " + actual + ", not to its digest " + expected);
    }
  }

  /** Decodes a whole encoded array of unknown length. */
  public Object decode(byte[] data) {
    return decode(data, 0, data.length, -1);
  }
}
