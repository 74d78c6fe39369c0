package io.lakota.format.internal;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.lakota.errors.CorruptObjectException;
import java.util.Objects;

/**
 * A validated c-blosc 1.x frame (format version 2, FORMAT.md §6.2) whose blocks can be decoded one at a time, so
 * that a range read decodes only the blocks holding the range.
 *
 * <p>{@link #parse} checks the header, the block-start table and every block start against the frame and the
 * caller's size limit before anything is allocated; streams are checked as each block is decoded, and a whole-frame
 * {@link #decode()} also checks that the blocks fill the data area exactly, as every writer lays them out. Every
 * inconsistency is a {@link CorruptObjectException} without a location (callers attach the path).
 *
 * <p>Where FORMAT.md simplifies, c-blosc 1.x decides: a block without the don't-split flag is split into
 * {@code typesize} streams only if it is not the leftover block, {@code typesize <= 16} and it holds at least 128
 * elements (c-blosc's rule for frames older than the flag; every frame c-blosc writes agrees with it), and a block
 * shorter than one element is never unshuffled.
 *
 * <p>The frame reads the caller's array on demand: it must not change while the frame is in use. Instances are
 * immutable and may be shared between threads.
 */
public final class BloscFrame {
  public static final int HEADER = 16;
  static final int FLAG_BYTE_SHUFFLE = 0x01;
  static final int FLAG_MEMCPYED = 0x02;
  static final int FLAG_BIT_SHUFFLE = 0x04;
  static final int FLAG_DONT_SPLIT = 0x10;
  static final int COMPRESSOR_LZ4 = 1;
  static final int COMPRESSOR_ZSTD = 4;
  // c-blosc only splits blocks of typesize <= 16 holding >= 128 elements, whatever the flags say
  private static final int MAX_SPLITS = 16;
  private static final int MIN_SPLIT_ELEMENTS = 128;
  private static final String[] COMPRESSOR_NAMES = {"blosclz", "lz4", "snappy", "zlib", "zstd"};
  private static final Lz4Decompressor LZ4 = new Lz4Decompressor();
  private static final ScratchBuffer SCRATCH = new ScratchBuffer();

  private final byte[] src;
  private final int off;
  private final int flags;
  private final int typesize;
  private final int nbytes;
  private final int blocksize;
  private final int blockCount;
  private final boolean lastIsLeftover;

  private BloscFrame(byte[] src, int off, int flags, int typesize, int nbytes, int blocksize, int blockCount,
      boolean lastIsLeftover) {
    this.src = src;
    this.off = off;
    this.flags = flags;
    this.typesize = typesize;
    this.nbytes = nbytes;
    this.blocksize = blocksize;
    this.blockCount = blockCount;
    this.lastIsLeftover = lastIsLeftover;
  }

  /**
   * Validates the frame at {@code src[off, off+len)}.
   *
   * @param maxBytes the largest decoded size the caller accepts (usually the exact expected size)
   * @throws CorruptObjectException if the frame is truncated, inconsistent, uses an unsupported compressor or
   *     declares more than {@code maxBytes} decoded bytes
   */
  public static BloscFrame parse(byte[] src, int off, int len, long maxBytes) {
    Objects.checkFromIndexSize(off, len, src.length);
    if (len < HEADER) {
      throw corrupt("truncated blosc frame: " + len + " bytes, the header alone needs " + HEADER);
    }
    int version = src[off] & 0xff;
    int versionLz = src[off + 1] & 0xff;
    int flags = src[off + 2] & 0xff;
    int typesize = src[off + 3] & 0xff;
    long nbytes = uint32(src, off + 4);
    long headerBlocksize = uint32(src, off + 8);
    long cbytes = uint32(src, off + 12);
    if (version != 2) {
      throw corrupt("unsupported blosc format version " + version + " (expected 2)");
    }
    if (cbytes > len) {
      throw corrupt("truncated blosc frame: header says " + cbytes + " bytes, got " + len);
    }
    if (cbytes < len) {
      throw corrupt("blosc frame header says " + cbytes + " bytes, got " + len + " (trailing garbage)");
    }
    if (typesize == 0) {
      throw corrupt("blosc frame with typesize 0");
    }
    if (nbytes > maxBytes || nbytes > Zstd.MAX_ARRAY) {
      throw corrupt("blosc frame declares " + nbytes + " decoded bytes, more than the " + maxBytes + " expected");
    }
    int size = (int) nbytes;
    boolean memcpyed = (flags & FLAG_MEMCPYED) != 0;
    if (!memcpyed && headerBlocksize == 0) {
      throw corrupt("blosc frame with block size 0");
    }
    // memcpyed frames ignore their block size; keep it for block-wise reads when it is usable
    int blocksize = headerBlocksize == 0 || headerBlocksize > nbytes ? size : (int) headerBlocksize;
    int blockCount = size == 0 ? 0 : (int) ((nbytes + blocksize - 1) / blocksize);
    if (memcpyed) {
      if (cbytes != HEADER + nbytes) {
        throw corrupt("MEMCPYED blosc frame of " + cbytes + " bytes does not hold the " + nbytes
            + " bytes its header declares");
      }
      return new BloscFrame(src, off, flags, typesize, size, blocksize, blockCount, false);
    }
    checkCompressor(flags >>> 5, versionLz);
    long tableEnd = HEADER + 4L * blockCount;
    if (tableEnd > cbytes) {
      throw corrupt("truncated blosc frame: " + blockCount + " blocks need a block-start table ending at byte "
          + tableEnd + ", the frame has " + cbytes + " bytes");
    }
    for (int b = 0; b < blockCount; b++) {
      int start = int32(src, off + HEADER + 4 * b);
      if (start < tableEnd || start > cbytes - 4) {
        throw corrupt("blosc block " + b + " starts at offset " + start + ", outside the data area [" + tableEnd
            + ", " + cbytes + ") of the frame");
      }
    }
    boolean lastIsLeftover = nbytes % headerBlocksize != 0;
    return new BloscFrame(src, off, flags, typesize, size, blocksize, blockCount, lastIsLeftover);
  }

  /** The decoded size in bytes. */
  public int nbytes() {
    return nbytes;
  }

  /** Decoded bytes per block (all but the last block, which may be shorter); 0 for an empty frame. */
  public int blocksize() {
    return blocksize;
  }

  /** Bytes per element as recorded in the header (1..255). */
  public int typesize() {
    return typesize;
  }

  /** The number of blocks; block {@code b} decodes to bytes {@code [b * blocksize(), ...)} of the array. */
  public int blockCount() {
    return blockCount;
  }

  /** The header flags byte. */
  public int flags() {
    return flags;
  }

  /** Whether the data follows the header uncompressed. */
  public boolean isMemcpyed() {
    return (flags & FLAG_MEMCPYED) != 0;
  }

  /** The decoded length of block {@code b}. */
  public int blockLength(int b) {
    Objects.checkIndex(b, blockCount);
    return b < blockCount - 1 ? blocksize : nbytes - b * blocksize;
  }

  /** Decodes the whole frame into a new array of {@link #nbytes()} bytes. */
  public byte[] decode() {
    byte[] out = new byte[nbytes];
    decode(out, 0);
    return out;
  }

  /** Decodes the whole frame into {@code dst[dstOff, dstOff+nbytes())}. */
  public void decode(byte[] dst, int dstOff) {
    Objects.checkFromIndexSize(dstOff, nbytes, dst.length);
    if (isMemcpyed()) {
      System.arraycopy(src, off + HEADER, dst, dstOff, nbytes);
      return;
    }
    long used = 0;
    for (int b = 0; b < blockCount; b++) {
      used += inflateBlock(b, dst, dstOff + b * blocksize);
    }
    // writers (c-blosc, ours) store blocks back to back: unused or shared bytes mean a corrupted header or table
    long dataArea = uint32(src, off + 12) - HEADER - 4L * blockCount;
    if (used != dataArea) {
      throw corrupt("blosc blocks use " + used + " bytes of the frame's " + dataArea + "-byte data area");
    }
  }

  /**
   * Decodes block {@code b} into {@code dst[dstOff, dstOff+blockLength(b))}.
   *
   * @return the number of frame bytes the block's streams occupy (the blocks of a sound frame fill its data area
   *     exactly, see {@link #dataAreaBytes()})
   * @throws CorruptObjectException if the block's streams are truncated or do not decode to the block's size
   */
  public int decodeBlock(int b, byte[] dst, int dstOff) {
    return inflateBlock(b, dst, dstOff);
  }

  /** The bytes after the header and block-start table; {@link #nbytes()} for a MEMCPYED frame. */
  public long dataAreaBytes() {
    return isMemcpyed() ? nbytes : uint32(src, off + 12) - HEADER - 4L * blockCount;
  }

  /** Decodes block {@code b} and returns the number of frame bytes its streams occupy. */
  private int inflateBlock(int b, byte[] dst, int dstOff) {
    int bsize = blockLength(b);
    Objects.checkFromIndexSize(dstOff, bsize, dst.length);
    if (isMemcpyed()) {
      System.arraycopy(src, off + HEADER + b * blocksize, dst, dstOff, bsize);
      return bsize;
    }
    boolean leftover = b == blockCount - 1 && lastIsLeftover;
    boolean split = (flags & FLAG_DONT_SPLIT) == 0 && !leftover && typesize <= MAX_SPLITS
        && bsize / typesize >= MIN_SPLIT_ELEMENTS;
    int streams = split ? typesize : 1;
    if (bsize % streams != 0) {
      throw corrupt("blosc block " + b + " of " + bsize + " bytes cannot be split into " + streams + " streams");
    }
    boolean byteShuffled = (flags & FLAG_BYTE_SHUFFLE) != 0 && typesize > 1;
    boolean bitShuffled = !byteShuffled && (flags & FLAG_BIT_SHUFFLE) != 0 && BitShuffle.appliesTo(bsize, typesize);
    byte[] target = dst;
    int targetOff = dstOff;
    if (byteShuffled || bitShuffled) {
      target = SCRATCH.take(bsize);
      targetOff = 0;
    }
    int used = readStreams(b, streams, bsize / streams, target, targetOff);
    if (byteShuffled) {
      ByteShuffle.unshuffle(target, 0, bsize, typesize, dst, dstOff);
    } else if (bitShuffled) {
      BitShuffle.unshuffle(target, 0, bsize, typesize, dst, dstOff);
    }
    return used;
  }

  private int readStreams(int b, int streams, int neblock, byte[] dst, int dstOff) {
    int end = off + (int) uint32(src, off + 12);
    int start = off + int32(src, off + HEADER + 4 * b);
    int pos = start;
    for (int s = 0; s < streams; s++) {
      if (end - pos < 4) {
        throw corrupt("truncated blosc frame: stream " + s + " of block " + b + " starts at offset " + (pos - off)
            + ", past the end of the frame");
      }
      int csize = int32(src, pos);
      pos += 4;
      if (csize < 0 || csize > end - pos) {
        throw corrupt("stream " + s + " of blosc block " + b + " declares " + csize + " compressed bytes, "
            + (end - pos) + " remain in the frame");
      }
      int out = dstOff + s * neblock;
      if (csize == neblock) {
        System.arraycopy(src, pos, dst, out, neblock);
      } else {
        inflate(b, s, pos, csize, dst, out, neblock);
      }
      pos += csize;
    }
    return pos - start;
  }

  private void inflate(int b, int s, int pos, int csize, byte[] dst, int dstOff, int neblock) {
    if (flags >>> 5 == COMPRESSOR_ZSTD) {
      try {
        Zstd.decompress(src, pos, csize, dst, dstOff, neblock);
      } catch (CorruptObjectException e) {
        throw new CorruptObjectException(null, "stream " + s + " of blosc block " + b + ": " + problem(e), e);
      }
      return;
    }
    int produced;
    try {
      produced = LZ4.decompress(src, pos, csize, dst, dstOff, neblock);
    } catch (RuntimeException e) {
      throw new CorruptObjectException(
          null, "stream " + s + " of blosc block " + b + ": corrupt lz4 block (" + e.getMessage() + ")", e);
    }
    if (produced != neblock) {
      throw corrupt("stream " + s + " of blosc block " + b + ": lz4 block decoded to " + produced
          + " bytes, expected " + neblock);
    }
  }

  private static void checkCompressor(int code, int versionLz) {
    if (code != COMPRESSOR_ZSTD && code != COMPRESSOR_LZ4) {
      String name = code < COMPRESSOR_NAMES.length ? COMPRESSOR_NAMES[code] : "code " + code;
      throw corrupt("unsupported blosc compressor " + name + " (Lakota frames use zstd or lz4)");
    }
    if (versionLz != 1) {
      throw corrupt("unsupported " + COMPRESSOR_NAMES[code] + " format version " + versionLz
          + " in blosc frame (expected 1)");
    }
  }

  private static String problem(CorruptObjectException e) {
    String message = e.getMessage();
    String prefix = "Cannot decode: ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static CorruptObjectException corrupt(String problem) {
    return new CorruptObjectException(null, problem);
  }

  static long uint32(byte[] b, int pos) {
    return int32(b, pos) & 0xFFFFFFFFL;
  }

  public static int int32(byte[] b, int pos) {
    return (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | b[pos + 3] << 24;
  }
}
