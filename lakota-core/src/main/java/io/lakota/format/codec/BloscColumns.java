package io.lakota.format.codec;

import io.lakota.errors.CorruptObjectException;
import io.lakota.format.Dtype;
import io.lakota.format.internal.BitShuffle;
import io.lakota.format.internal.Blosc;
import io.lakota.format.internal.BloscFrame;
import io.lakota.format.internal.LittleEndian;
import io.lakota.format.internal.ScratchBuffer;
import io.lakota.format.internal.Zstd;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Blosc frames of numeric column arrays, block by block and straight from or into the primitive arrays: no copy of
 * the whole column as bytes is ever made, and any range of blocks can be encoded, decoded or hashed on its own, so
 * that a column is split into tasks for several threads (the orchestration lives with the caller) and a range read
 * decodes only the blocks it needs.
 *
 * <p>The frames written are byte for byte those of {@link Blosc#encode} on the array's raw little-endian bytes
 * (same block size, same shuffles, same zstd level), so they stay readable by c-blosc. Stateless and thread-safe;
 * block-sized scratch arrays are per thread.
 */
public final class BloscColumns {
  /** Elements converted at a time when hashing an array's raw bytes. */
  private static final int HASH_CHUNK = 65_536;
  private static final ScratchBuffer RAW = new ScratchBuffer();
  private static final ScratchBuffer SHUFFLED = new ScratchBuffer();

  private BloscColumns() {}

  /** True for the dtypes handled here: those stored as {@code long[] double[] int[] float[] short[] byte[]}. */
  public static boolean supports(Dtype dtype) {
    switch (dtype.storage()) {
      case LONG:
      case DOUBLE:
      case INT:
      case FLOAT:
      case SHORT:
      case BYTE:
        return true;
      default:
        return false;
    }
  }

  /** The shape of the frame {@link Blosc#encode} writes for {@code n} elements of {@code dtype}. Immutable. */
  public static final class Layout {
    final int nbytes;
    final int typesize;
    final int blocksize;
    final int blockCount;
    final boolean memcpyed;

    Layout(int nbytes, int typesize, int blocksize, boolean memcpyed) {
      this.nbytes = nbytes;
      this.typesize = typesize;
      this.blocksize = blocksize;
      this.memcpyed = memcpyed;
      this.blockCount = memcpyed ? 0 : (int) (((long) nbytes + blocksize - 1) / blocksize);
    }

    /** The number of compressed blocks; 0 for the MEMCPYED frames of small arrays. */
    public int blockCount() {
      return blockCount;
    }
  }

  /** The layout of the frame of {@code n} elements of a supported dtype. */
  public static Layout layout(Dtype dtype, int n) {
    int ts = dtype.itemSize();
    long len = (long) n * ts;
    if (len > Zstd.MAX_ARRAY - 2 * BloscFrame.HEADER) {
      throw new IllegalArgumentException("Cannot encode blosc: " + len + " bytes exceed one frame");
    }
    if (len < Blosc.MIN_COMPRESSED) {
      return new Layout((int) len, ts, Math.max(1, (int) len), true);
    }
    int blocksize = (int) Math.min(len, Blosc.MAX_BLOCKSIZE);
    blocksize -= blocksize % ts;
    return new Layout((int) len, ts, blocksize, false);
  }

  /**
   * Compresses blocks {@code [b0, b1)} of {@code array}: their {@code [csize][stream]} records back to back, as they
   * appear in the frame; {@code recordSizes[b - b0]} receives each record's size.
   */
  public static byte[] encodeBlocks(Object array, Dtype dtype, Layout l, int b0, int b1, int level,
      int[] recordSizes) {
    int ts = l.typesize;
    int bytes = 0;
    for (int b = b0; b < b1; b++) {
      bytes += 4 + blockLength(l, b);
    }
    // worst case: every block stored raw; trimmed at the end (a copy of a few percent of the column at most)
    byte[] out = new byte[bytes];
    int pos = 0;
    byte[] raw = RAW.take(l.blocksize);
    byte[] shuffled = SHUFFLED.take(l.blocksize);
    for (int b = b0; b < b1; b++) {
      int bsize = blockLength(l, b);
      toRaw(array, dtype, b * (l.blocksize / ts), bsize / ts, raw, 0);
      byte[] in = raw;
      if (BitShuffle.appliesTo(bsize, ts)) {
        BitShuffle.shuffle(raw, 0, bsize, ts, shuffled, 0);
        in = shuffled;
      }
      int csize = Zstd.compressInto(in, 0, bsize, out, pos + 4, bsize - 1, level);
      if (csize < 0) {
        System.arraycopy(in, 0, out, pos + 4, bsize);
        csize = bsize;
      }
      Blosc.putInt(out, pos, csize);
      recordSizes[b - b0] = 4 + csize;
      pos += 4 + csize;
    }
    return pos == out.length ? out : Arrays.copyOf(out, pos);
  }

  /**
   * The frame made of the block records of {@link #encodeBlocks} (in block order), or the MEMCPYED frame of the
   * array when the records do not make it smaller, exactly as {@link Blosc#encode} decides.
   */
  public static byte[] assemble(Object array, Dtype dtype, Layout l, List<byte[]> pieces) {
    if (l.memcpyed) {
      return memcpyed(array, dtype, l);
    }
    long records = 0;
    for (byte[] p : pieces) {
      records += p.length;
    }
    int tableEnd = BloscFrame.HEADER + 4 * l.blockCount;
    long total = tableEnd + records;
    if (total > BloscFrame.HEADER + (long) l.nbytes) {
      return memcpyed(array, dtype, l);
    }
    byte[] out = new byte[(int) total];
    Blosc.writeHeader(out, Blosc.FLAGS_COMPRESSED, l.typesize, l.nbytes, l.blocksize, (int) total);
    int pos = tableEnd;
    int b = 0;
    for (byte[] p : pieces) {
      int at = 0;
      while (at < p.length) {
        Blosc.putInt(out, BloscFrame.HEADER + 4 * b, pos + at);
        at += 4 + BloscFrame.int32(p, at);
        b++;
      }
      System.arraycopy(p, 0, out, pos, p.length);
      pos += p.length;
    }
    if (b != l.blockCount) {
      throw new IllegalStateException("Cannot assemble blosc frame: " + b + " blocks where " + l.blockCount
          + " were expected");
    }
    return out;
  }

  private static byte[] memcpyed(Object array, Dtype dtype, Layout l) {
    byte[] out = new byte[BloscFrame.HEADER + l.nbytes];
    Blosc.writeHeader(out, Blosc.FLAGS_MEMCPYED, l.typesize, l.nbytes, l.blocksize, out.length);
    toRaw(array, dtype, 0, l.nbytes / l.typesize, out, BloscFrame.HEADER);
    return out;
  }

  private static int blockLength(Layout l, int b) {
    return b < l.blockCount - 1 ? l.blocksize : l.nbytes - b * l.blocksize;
  }

  /**
   * True if the blocks of {@code f} hold whole elements of {@code dtype}, so that each decodes on its own into the
   * array (every frame written by Lakota or c-blosc for that dtype).
   */
  public static boolean aligned(BloscFrame f, Dtype dtype) {
    int size = dtype.itemSize();
    return supports(dtype) && f.nbytes() % size == 0 && (f.blockCount() <= 1 || f.blocksize() % size == 0);
  }

  /** The number of elements of each block of an {@link #aligned} frame (the last one may hold fewer). */
  public static int elementsPerBlock(BloscFrame f, Dtype dtype) {
    return f.blockCount() == 0 ? 0 : f.blocksize() / dtype.itemSize();
  }

  /**
   * Decodes blocks {@code [b0, b1)} of an {@link #aligned} frame into their place in {@code out} (an array of the
   * dtype's storage of the frame's length).
   *
   * @return the number of frame bytes the blocks' streams occupy
   */
  public static long decodeBlocks(BloscFrame f, Dtype dtype, Object out, int b0, int b1) {
    int size = dtype.itemSize();
    int per = elementsPerBlock(f, dtype);
    long used = 0;
    for (int b = b0; b < b1; b++) {
      int bsize = f.blockLength(b);
      if (dtype.storage() == Dtype.Storage.BYTE) {
        used += f.decodeBlock(b, (byte[]) out, b * per);
      } else {
        byte[] raw = RAW.take(bsize);
        used += f.decodeBlock(b, raw, 0);
        fromRaw(raw, 0, out, dtype, b * per, bsize / size);
      }
    }
    return used;
  }

  /** Block {@code b} of an {@link #aligned} frame as a new array of the dtype's storage. */
  public static Object decodeBlock(BloscFrame f, Dtype dtype, int b) {
    int n = f.blockLength(b) / dtype.itemSize();
    Object out = allocate(dtype, n);
    byte[] raw = RAW.take(f.blockLength(b));
    f.decodeBlock(b, raw, 0);
    fromRaw(raw, 0, out, dtype, 0, n);
    return out;
  }

  /**
   * Feeds the decoded bytes of the whole frame to {@code md}, block by block, without materialising the array.
   *
   * @throws CorruptObjectException when the blocks do not fill the frame's data area exactly
   */
  public static void hashDecoded(MessageDigest md, BloscFrame f) {
    long used = 0;
    for (int b = 0; b < f.blockCount(); b++) {
      int bsize = f.blockLength(b);
      byte[] raw = RAW.take(bsize);
      used += f.decodeBlock(b, raw, 0);
      md.update(raw, 0, bsize);
    }
    checkDataArea(f, used);
  }

  /** Checks that decoded blocks used exactly the frame's data area, as every writer lays them out. */
  public static void checkDataArea(BloscFrame f, long used) {
    if (used != f.dataAreaBytes()) {
      throw new CorruptObjectException(null, "blosc blocks use " + used + " bytes of the frame's "
          + f.dataAreaBytes() + "-byte data area");
    }
  }

  /** Feeds the raw little-endian bytes of elements {@code [from, from + n)} of {@code array} to {@code md}. */
  public static void hash(MessageDigest md, Object array, Dtype dtype, int from, int n) {
    if (dtype.storage() == Dtype.Storage.BYTE) {
      md.update((byte[]) array, from, n);
      return;
    }
    int size = dtype.itemSize();
    byte[] raw = RAW.take(HASH_CHUNK * size);
    for (int i = 0; i < n; i += HASH_CHUNK) {
      int k = Math.min(HASH_CHUNK, n - i);
      toRaw(array, dtype, from + i, k, raw, 0);
      md.update(raw, 0, k * size);
    }
  }

  /** Writes the raw little-endian bytes of elements {@code [from, from + n)} of {@code array} at {@code dst[off]}. */
  public static void toRaw(Object array, Dtype dtype, int from, int n, byte[] dst, int off) {
    int size = dtype.itemSize();
    Objects.checkFromIndexSize(off, n * size, dst.length);
    ByteBuffer view = ByteBuffer.wrap(dst, off, n * size).slice().order(ByteOrder.LITTLE_ENDIAN);
    switch (dtype.storage()) {
      case LONG:
        view.asLongBuffer().put((long[]) array, from, n);
        break;
      case DOUBLE:
        view.asDoubleBuffer().put((double[]) array, from, n);
        break;
      case INT:
        view.asIntBuffer().put((int[]) array, from, n);
        break;
      case FLOAT:
        view.asFloatBuffer().put((float[]) array, from, n);
        break;
      case SHORT:
        view.asShortBuffer().put((short[]) array, from, n);
        break;
      case BYTE:
        System.arraycopy((byte[]) array, from, dst, off, n);
        break;
      default:
        throw new IllegalArgumentException("Cannot lay out " + dtype + " block by block");
    }
  }

  /** Reads {@code n} elements from the raw little-endian bytes at {@code src[off]} into {@code array[to …]}. */
  public static void fromRaw(byte[] src, int off, Object array, Dtype dtype, int to, int n) {
    switch (dtype.storage()) {
      case LONG:
        LittleEndian.toLongs(src, off, (long[]) array, to, n);
        break;
      case DOUBLE:
        LittleEndian.toDoubles(src, off, (double[]) array, to, n);
        break;
      case INT:
        LittleEndian.toInts(src, off, (int[]) array, to, n);
        break;
      case FLOAT:
        LittleEndian.toFloats(src, off, (float[]) array, to, n);
        break;
      case SHORT:
        LittleEndian.toShorts(src, off, (short[]) array, to, n);
        break;
      case BYTE:
        System.arraycopy(src, off, (byte[]) array, to, n);
        break;
      default:
        throw new IllegalArgumentException("Cannot read " + dtype + " block by block");
    }
  }

  /** A new zero-filled array of a supported dtype's storage. */
  public static Object allocate(Dtype dtype, int n) {
    switch (dtype.storage()) {
      case LONG:
        return new long[n];
      case DOUBLE:
        return new double[n];
      case INT:
        return new int[n];
      case FLOAT:
        return new float[n];
      case SHORT:
        return new short[n];
      case BYTE:
        return new byte[n];
      default:
        throw new IllegalArgumentException("Cannot allocate " + dtype + " block by block");
    }
  }
}
