package io.lakota.format.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code blosc} column codec: c-blosc 1.x frames, format version 2 (FORMAT.md §6.2).
 *
 * <p>Decoding reads every frame Lakota repositories contain (zstd + bit-shuffle, legacy lz4 + byte-shuffle,
 * MEMCPYED, split or not, blocks in any order); see {@link BloscFrame} for block-wise reads. Encoding follows the
 * spec's "Encoder rules for Java writers": zstd, don't-split, bit-shuffle, blocks of at most 256 KiB. The frames are
 * readable by c-blosc and by the reference, though not byte-identical to the reference's (different block sizes and
 * zstd level). Stateless and thread-safe.
 */
public final class Blosc {
  /**
   * The zstd level used inside blosc blocks by default. The reference uses level 9 (blosc clevel 5); on bit-shuffled
   * numeric data level 3 gives about the same sizes (see docs/PERFORMANCE.md) at several times the speed.
   */
  public static final int DEFAULT_LEVEL = 3;

  /** Largest block written: the reference's choice for 8-byte types. */
  public static final int MAX_BLOCKSIZE = 262_144;
  /** Frames below this size are stored MEMCPYED, as c-blosc does. */
  public static final int MIN_COMPRESSED = 128;
  public static final int FLAGS_COMPRESSED = 0x94;
  public static final int FLAGS_MEMCPYED = 0x96;
  private static final int MAX_TYPESIZE = 255;
  private static final ScratchBuffer SCRATCH = new ScratchBuffer();

  private Blosc() {}

  /**
   * Decodes a whole frame.
   *
   * @param maxBytes the largest decoded size the caller accepts, checked before allocating
   * @throws io.lakota.errors.CorruptObjectException if the frame is malformed, truncated, declares more than
   *     {@code maxBytes} bytes or uses a compressor other than zstd or lz4
   */
  public static byte[] decode(byte[] src, int off, int len, long maxBytes) {
    return BloscFrame.parse(src, off, len, maxBytes).decode();
  }

  /**
   * Encodes {@code raw[off, off+len)}, the little-endian bytes of an array of {@code typesize}-byte elements.
   *
   * @param typesize the element size; values above 255 are written as 1, as c-blosc does
   * @param zstdLevel the zstd level inside blocks, usually {@link #DEFAULT_LEVEL}
   * @throws IllegalArgumentException if {@code typesize < 1} or the input is too large for one frame
   */
  public static byte[] encode(byte[] raw, int off, int len, int typesize, int zstdLevel) {
    Objects.checkFromIndexSize(off, len, raw.length);
    if (typesize < 1) {
      throw new IllegalArgumentException("Cannot encode blosc: typesize " + typesize + " is not positive");
    }
    if (len > Zstd.MAX_ARRAY - 2 * BloscFrame.HEADER) {
      throw new IllegalArgumentException("Cannot encode blosc: " + len + " bytes exceed one frame");
    }
    int ts = typesize > MAX_TYPESIZE ? 1 : typesize;
    if (len < MIN_COMPRESSED) {
      return memcpyed(raw, off, len, ts, Math.max(1, len)); // c-blosc also writes block size 1 when empty
    }
    int blocksize = Math.min(len, MAX_BLOCKSIZE);
    blocksize -= blocksize % ts;
    if (blocksize == 0) {
      blocksize = len; // a single element larger than the array: one unshuffled block
    }
    byte[] frame = compressed(raw, off, len, ts, blocksize, zstdLevel);
    return frame != null ? frame : memcpyed(raw, off, len, ts, blocksize);
  }

  /** The compressed frame, or null when it would be larger than a MEMCPYED one. */
  private static byte[] compressed(byte[] raw, int off, int len, int ts, int blocksize, int level) {
    int blockCount = (int) (((long) len + blocksize - 1) / blocksize);
    int tableEnd = BloscFrame.HEADER + 4 * blockCount;
    int limit = BloscFrame.HEADER + len;
    // sized for typical ratios; grows (rarely) up to limit + one raw block before we give up on compression
    byte[] out = new byte[Math.min(limit, tableEnd + 4 + blocksize + (len >>> 3))];
    int pos = tableEnd;
    byte[] shuffled = SCRATCH.take(blocksize);
    for (int b = 0; b < blockCount; b++) {
      int start = off + b * blocksize;
      int bsize = Math.min(blocksize, off + len - start);
      byte[] in = raw;
      int inOff = start;
      if (BitShuffle.appliesTo(bsize, ts)) {
        BitShuffle.shuffle(raw, start, bsize, ts, shuffled, 0);
        in = shuffled;
        inOff = 0;
      }
      if (out.length < pos + 4 + bsize) {
        out = Arrays.copyOf(out, grownCapacity(out.length, pos, tableEnd, start - off, len, bsize, limit));
      }
      putInt(out, BloscFrame.HEADER + 4 * b, pos);
      // a frame that does not fit in bsize - 1 bytes does not shrink the block: store it raw
      int csize = Zstd.compressInto(in, inOff, bsize, out, pos + 4, bsize - 1, level);
      if (csize < 0) {
        System.arraycopy(in, inOff, out, pos + 4, bsize);
        csize = bsize;
      }
      putInt(out, pos, csize);
      pos += 4 + csize;
      if (pos > limit) {
        return null;
      }
    }
    writeHeader(out, FLAGS_COMPRESSED, ts, len, blocksize, pos);
    return pos == out.length ? out : Arrays.copyOf(out, pos);
  }

  /**
   * A capacity for the rest of the frame: the ratio so far projected over the whole input plus 1/16, so that most
   * frames grow at most once; never less than the next block needs, never more than the MEMCPYED limit needs.
   */
  private static int grownCapacity(int capacity, int pos, int tableEnd, int done, int len, int bsize, int limit) {
    long projected = tableEnd + (long) (pos - tableEnd) * len / Math.max(1, done) * 17 / 16;
    long wanted = Math.max(projected, 2L * capacity);
    return (int) Math.max(pos + 4L + bsize, Math.min(wanted, limit + 4L + bsize));
  }

  private static byte[] memcpyed(byte[] raw, int off, int len, int ts, int blocksize) {
    byte[] out = new byte[BloscFrame.HEADER + len];
    writeHeader(out, FLAGS_MEMCPYED, ts, len, blocksize, out.length);
    System.arraycopy(raw, off, out, BloscFrame.HEADER, len);
    return out;
  }

  public static void writeHeader(byte[] out, int flags, int ts, int nbytes, int blocksize, int cbytes) {
    out[0] = 2;
    out[1] = 1;
    out[2] = (byte) flags;
    out[3] = (byte) ts;
    putInt(out, 4, nbytes);
    putInt(out, 8, blocksize);
    putInt(out, 12, cbytes);
  }

  public static void putInt(byte[] b, int pos, int v) {
    b[pos] = (byte) v;
    b[pos + 1] = (byte) (v >>> 8);
    b[pos + 2] = (byte) (v >>> 16);
    b[pos + 3] = (byte) (v >>> 24);
  }
}
