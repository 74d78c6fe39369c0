package io.lakota.format.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The bit-shuffle filter of c-blosc 1.x (format version 2, FORMAT.md §6.2), in both directions.
 *
 * <p>A block of {@code n} elements of {@code typesize} bytes, {@code n % 8 == 0}, becomes {@code 8 * typesize}
 * bit-planes of {@code n / 8} bytes: plane {@code p} holds bit {@code p % 8} of byte {@code p / 8} of every
 * element, LSB first. Read as little-endian longs, 64 consecutive elements and the 64 matching plane words form a
 * 64×64 bit matrix and its transpose, so the filter runs as word-level transposes (the bitshuffle library's
 * {@code trans_byte_elem} and {@code trans_bit_8x8} steps, fused) instead of per-bit loops. Stateless.
 */
public final class BitShuffle {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  /** Plane words (64 elements each) handled per pass: 8 longs of a plane make one 64-byte cache line. */
  private static final int WORDS_PER_PASS = 8;

  private BitShuffle() {}

  /** Whether c-blosc 1.x bit-shuffles a block of {@code len} bytes; other blocks are stored as they are. */
  public static boolean appliesTo(int len, int typesize) {
    return len >= typesize && (len / typesize) % 8 == 0;
  }

  /**
   * Bit-shuffles {@code src[srcOff, srcOff+len)} into {@code dst[dstOff, dstOff+len)}; requires
   * {@link #appliesTo}. Bytes after the last whole element are copied unchanged.
   */
  public static void shuffle(byte[] src, int srcOff, int len, int typesize, byte[] dst, int dstOff) {
    if (typesize == 1) {
      shuffleBytes(src, srcOff, len, dst, dstOff);
      return;
    }
    int n = len / typesize;
    int rowBytes = n >>> 3;
    int words = n >>> 6;
    long[] t = new long[64 * WORDS_PER_PASS];
    byte[] rows = new byte[8 * 64 * WORDS_PER_PASS];
    byte[] lines = new byte[64 * 8 * WORDS_PER_PASS];
    for (int c = 0; c < words; c += WORDS_PER_PASS) {
      int pass = Math.min(WORDS_PER_PASS, words - c);
      int elements = srcOff + c * 64 * typesize;
      // 8 bytes of each element at a time: planes 8q to 8q+63
      for (int q = 0; q < typesize; q += 8) {
        int r = Math.min(8, typesize - q);
        if (r == 8) {
          transpose(src, elements + q, typesize, 64 * typesize, lines, 0, 64, 8, pass, t);
        } else {
          for (int i = 0; i < 64 * pass; i++) {
            LONG.set(rows, 8 * i, read(src, elements + i * typesize + q, r));
          }
          transpose(rows, 0, 8, 512, lines, 0, 64, 8, pass, t);
        }
        int planes = dstOff + 8 * c + 8 * q * rowBytes;
        for (int p = 0; p < 8 * r; p++) {
          int to = planes + p * rowBytes;
          for (int w = 0; w < pass; w++) {
            LONG.set(dst, to + 8 * w, (long) LONG.get(lines, 64 * p + 8 * w));
          }
        }
      }
    }
    int done = words * 64;
    if (done < n) {
      // the last n % 64 elements fill only part of a plane word: shuffle them padded to 64, keep their bytes
      byte[] in = new byte[64 * typesize];
      byte[] out = new byte[64 * typesize];
      System.arraycopy(src, srcOff + done * typesize, in, 0, (n - done) * typesize);
      shuffle(in, 0, in.length, typesize, out, 0);
      for (int p = 0; p < 8 * typesize; p++) {
        System.arraycopy(out, 8 * p, dst, dstOff + p * rowBytes + done / 8, (n - done) / 8);
      }
    }
    int body = n * typesize;
    System.arraycopy(src, srcOff + body, dst, dstOff + body, len - body);
  }

  /**
   * Inverse of {@link #shuffle}: rebuilds {@code len} bytes of elements at {@code dst[dstOff]} from the bit-planes
   * at {@code src[srcOff]}; requires {@link #appliesTo}.
   */
  static void unshuffle(byte[] src, int srcOff, int len, int typesize, byte[] dst, int dstOff) {
    if (typesize == 1) {
      unshuffleBytes(src, srcOff, len, dst, dstOff);
      return;
    }
    int n = len / typesize;
    int rowBytes = n >>> 3;
    int words = n >>> 6;
    long[] t = new long[64 * WORDS_PER_PASS];
    byte[] rows = new byte[8 * 64 * WORDS_PER_PASS];
    byte[] lines = new byte[64 * 8 * WORDS_PER_PASS];
    for (int c = 0; c < words; c += WORDS_PER_PASS) {
      int pass = Math.min(WORDS_PER_PASS, words - c);
      int elements = dstOff + c * 64 * typesize;
      for (int q = 0; q < typesize; q += 8) {
        int r = Math.min(8, typesize - q);
        int planes = srcOff + 8 * c + 8 * q * rowBytes;
        for (int p = 0; p < 8 * r; p++) {
          int from = planes + p * rowBytes;
          for (int w = 0; w < pass; w++) {
            LONG.set(lines, 64 * p + 8 * w, (long) LONG.get(src, from + 8 * w));
          }
        }
        if (r == 8) {
          transpose(lines, 0, 64, 8, dst, elements + q, typesize, 64 * typesize, pass, t);
          continue;
        }
        Arrays.fill(lines, 64 * 8 * r, lines.length, (byte) 0); // planes past the element's last byte
        transpose(lines, 0, 64, 8, rows, 0, 8, 512, pass, t);
        for (int i = 0; i < 64 * pass; i++) {
          write(dst, elements + i * typesize + q, r, (long) LONG.get(rows, 8 * i));
        }
      }
    }
    int done = words * 64;
    if (done < n) {
      byte[] in = new byte[64 * typesize];
      byte[] out = new byte[64 * typesize];
      for (int p = 0; p < 8 * typesize; p++) {
        System.arraycopy(src, srcOff + p * rowBytes + done / 8, in, 8 * p, (n - done) / 8);
      }
      unshuffle(in, 0, in.length, typesize, out, 0);
      System.arraycopy(out, 0, dst, dstOff + done * typesize, (n - done) * typesize);
    }
    int body = n * typesize;
    System.arraycopy(src, srcOff + body, dst, dstOff + body, len - body);
  }

  /** Typesize 1 (bool, int8): 8 elements are an 8×8 bit matrix in one long, whose rows go to the 8 planes. */
  private static void shuffleBytes(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
    int rowBytes = len >>> 3;
    for (int g = 0; g < rowBytes; g++) {
      long x = transpose8((long) LONG.get(src, srcOff + 8 * g));
      for (int k = 0; k < 8; k++) {
        dst[dstOff + k * rowBytes + g] = (byte) (x >>> (8 * k));
      }
    }
  }

  private static void unshuffleBytes(byte[] src, int srcOff, int len, byte[] dst, int dstOff) {
    int rowBytes = len >>> 3;
    for (int g = 0; g < rowBytes; g++) {
      long x = 0;
      for (int k = 0; k < 8; k++) {
        x |= (src[srcOff + k * rowBytes + g] & 0xFFL) << (8 * k);
      }
      LONG.set(dst, dstOff + 8 * g, transpose8(x));
    }
  }

  /** Transposes the 8×8 bit matrix whose row {@code i} is byte {@code i} of {@code x} (Hacker's Delight 7-3). */
  private static long transpose8(long x) {
    long t;
    t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
    x ^= t ^ (t << 7);
    t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
    x ^= t ^ (t << 14);
    t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
    return x ^ t ^ (t << 28);
  }

  /**
   * Transposes {@code words} 64×64 bit matrices. Row {@code i} of matrix {@code w} is the little-endian long at
   * {@code in[inBase + w * inWord + i * inStride]} (column {@code j} = bit {@code j}); row {@code i} of its
   * transpose goes to {@code out[outBase + w * outWord + i * outStride]}. Each of the six steps swaps bit {@code k}
   * of the row index with bit {@code k} of the column index; the steps commute, so steps 1, 2, 4 run on 8
   * consecutive rows and steps 8, 16, 32 on rows 8 apart, 8 rows in registers at a time, with {@code t}
   * ({@code 64 * words} longs) between the two halves.
   *
   * <p>Bit-planes are never read or written here in place: their power-of-two stride puts all 64 plane words in
   * one L1 set, so callers move whole 64-byte lines of each plane through a contiguous buffer instead.
   */
  private static void transpose(byte[] in, int inBase, int inStride, int inWord, byte[] out, int outBase,
      int outStride, int outWord, int words, long[] t) {
    for (int w = 0; w < words; w++) {
      for (int g = 0; g < 64; g += 8) {
        int at = inBase + w * inWord + g * inStride;
        long a0 = (long) LONG.get(in, at);
        long a1 = (long) LONG.get(in, at + inStride);
        long a2 = (long) LONG.get(in, at + 2 * inStride);
        long a3 = (long) LONG.get(in, at + 3 * inStride);
        long a4 = (long) LONG.get(in, at + 4 * inStride);
        long a5 = (long) LONG.get(in, at + 5 * inStride);
        long a6 = (long) LONG.get(in, at + 6 * inStride);
        long a7 = (long) LONG.get(in, at + 7 * inStride);
        long x;
        x = ((a0 >>> 4) ^ a4) & 0x0F0F0F0F0F0F0F0FL; a0 ^= x << 4; a4 ^= x;
        x = ((a1 >>> 4) ^ a5) & 0x0F0F0F0F0F0F0F0FL; a1 ^= x << 4; a5 ^= x;
        x = ((a2 >>> 4) ^ a6) & 0x0F0F0F0F0F0F0F0FL; a2 ^= x << 4; a6 ^= x;
        x = ((a3 >>> 4) ^ a7) & 0x0F0F0F0F0F0F0F0FL; a3 ^= x << 4; a7 ^= x;
        x = ((a0 >>> 2) ^ a2) & 0x3333333333333333L; a0 ^= x << 2; a2 ^= x;
        x = ((a1 >>> 2) ^ a3) & 0x3333333333333333L; a1 ^= x << 2; a3 ^= x;
        x = ((a4 >>> 2) ^ a6) & 0x3333333333333333L; a4 ^= x << 2; a6 ^= x;
        x = ((a5 >>> 2) ^ a7) & 0x3333333333333333L; a5 ^= x << 2; a7 ^= x;
        x = ((a0 >>> 1) ^ a1) & 0x5555555555555555L; a0 ^= x << 1; a1 ^= x;
        x = ((a2 >>> 1) ^ a3) & 0x5555555555555555L; a2 ^= x << 1; a3 ^= x;
        x = ((a4 >>> 1) ^ a5) & 0x5555555555555555L; a4 ^= x << 1; a5 ^= x;
        x = ((a6 >>> 1) ^ a7) & 0x5555555555555555L; a6 ^= x << 1; a7 ^= x;
        int r = 64 * w + g;
        t[r] = a0;
        t[r + 1] = a1;
        t[r + 2] = a2;
        t[r + 3] = a3;
        t[r + 4] = a4;
        t[r + 5] = a5;
        t[r + 6] = a6;
        t[r + 7] = a7;
      }
    }
    int step = 8 * outStride;
    for (int w = 0; w < words; w++) {
      for (int e = 0; e < 8; e++) {
        int r = 64 * w + e;
        long a0 = t[r];
        long a1 = t[r + 8];
        long a2 = t[r + 16];
        long a3 = t[r + 24];
        long a4 = t[r + 32];
        long a5 = t[r + 40];
        long a6 = t[r + 48];
        long a7 = t[r + 56];
        long x;
        x = ((a0 >>> 32) ^ a4) & 0x00000000FFFFFFFFL; a0 ^= x << 32; a4 ^= x;
        x = ((a1 >>> 32) ^ a5) & 0x00000000FFFFFFFFL; a1 ^= x << 32; a5 ^= x;
        x = ((a2 >>> 32) ^ a6) & 0x00000000FFFFFFFFL; a2 ^= x << 32; a6 ^= x;
        x = ((a3 >>> 32) ^ a7) & 0x00000000FFFFFFFFL; a3 ^= x << 32; a7 ^= x;
        x = ((a0 >>> 16) ^ a2) & 0x0000FFFF0000FFFFL; a0 ^= x << 16; a2 ^= x;
        x = ((a1 >>> 16) ^ a3) & 0x0000FFFF0000FFFFL; a1 ^= x << 16; a3 ^= x;
        x = ((a4 >>> 16) ^ a6) & 0x0000FFFF0000FFFFL; a4 ^= x << 16; a6 ^= x;
        x = ((a5 >>> 16) ^ a7) & 0x0000FFFF0000FFFFL; a5 ^= x << 16; a7 ^= x;
        x = ((a0 >>> 8) ^ a1) & 0x00FF00FF00FF00FFL; a0 ^= x << 8; a1 ^= x;
        x = ((a2 >>> 8) ^ a3) & 0x00FF00FF00FF00FFL; a2 ^= x << 8; a3 ^= x;
        x = ((a4 >>> 8) ^ a5) & 0x00FF00FF00FF00FFL; a4 ^= x << 8; a5 ^= x;
        x = ((a6 >>> 8) ^ a7) & 0x00FF00FF00FF00FFL; a6 ^= x << 8; a7 ^= x;
        int at = outBase + w * outWord + e * outStride;
        LONG.set(out, at, a0);
        LONG.set(out, at + step, a1);
        LONG.set(out, at + 2 * step, a2);
        LONG.set(out, at + 3 * step, a3);
        LONG.set(out, at + 4 * step, a4);
        LONG.set(out, at + 5 * step, a5);
        LONG.set(out, at + 6 * step, a6);
        LONG.set(out, at + 7 * step, a7);
      }
    }
  }

  /** The {@code r} (1..8) bytes at {@code pos} as a little-endian long, zero-extended. */
  private static long read(byte[] b, int pos, int r) {
    switch (r) {
      case 8:
        return (long) LONG.get(b, pos);
      case 4:
        return (int) INT.get(b, pos) & 0xFFFFFFFFL;
      case 2:
        return (short) SHORT.get(b, pos) & 0xFFFFL;
      case 1:
        return b[pos] & 0xFFL;
      default:
        long v = 0;
        for (int i = r - 1; i >= 0; i--) {
          v = v << 8 | (b[pos + i] & 0xFFL);
        }
        return v;
    }
  }

  /** Writes the low {@code r} (1..8) bytes of {@code v} at {@code pos}, little-endian. */
  private static void write(byte[] b, int pos, int r, long v) {
    switch (r) {
      case 8:
        LONG.set(b, pos, v);
        break;
      case 4:
        INT.set(b, pos, (int) v);
        break;
      case 2:
        SHORT.set(b, pos, (short) v);
        break;
      case 1:
        b[pos] = (byte) v;
        break;
      default:
        for (int i = 0; i < r; i++) {
          b[pos + i] = (byte) (v >>> (8 * i));
        }
    }
  }
}
