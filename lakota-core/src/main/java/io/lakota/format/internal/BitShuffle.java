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
 * element, LSB first. Read as little-endian longs, 64 consecutive elements (8 bytes of each at a time) and the 64
 * matching plane words form a 64×64 bit matrix and its transpose, so the filter runs as word-level transposes
 * instead of per-bit loops. Up to {@value #LANES} such matrices are transposed side by side, row {@code i} of
 * matrix {@code k} at {@code rows[i][k]}: every step of the transpose is then the same few operations over two
 * arrays of consecutive longs, a loop C2 turns into vector instructions (about twice the speed of one matrix at a
 * time in registers, on AVX2 and AVX-512 machines; as fast as that when nothing is vectorized,
 * {@code -XX:-UseSuperWord}). Stateless.
 */
public final class BitShuffle {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Matrices (64 elements each) transposed side by side: 64 rows of 64 longs are 32 KiB, which stays in the
   * first-level cache with the lines being read or written (32 and 128 were slower).
   */
  private static final int LANES = 64;

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
    long[][] rows = words == 0 ? null : new long[64][Math.min(LANES, words)];
    for (int c = 0; c < words; c += LANES) {
      int lanes = Math.min(LANES, words - c);
      int elements = srcOff + c * 64 * typesize;
      // 8 bytes of each element at a time: planes 8q to 8q+63
      for (int q = 0; q < typesize; q += 8) {
        int r = Math.min(8, typesize - q);
        for (int k = 0; k < lanes; k++) {
          int at = elements + 64 * k * typesize + q;
          if (r == 8) {
            for (int e = 0; e < 64; e++) {
              rows[e][k] = (long) LONG.get(src, at + e * typesize);
            }
          } else if (r == 4) {
            for (int e = 0; e < 64; e++) {
              rows[e][k] = (int) INT.get(src, at + e * typesize) & 0xFFFFFFFFL;
            }
          } else {
            for (int e = 0; e < 64; e++) {
              rows[e][k] = read(src, at + e * typesize, r);
            }
          }
        }
        transpose(rows, lanes);
        int planes = dstOff + 8 * c + 8 * q * rowBytes;
        for (int p = 0; p < 8 * r; p++) {
          long[] row = rows[p];
          int to = planes + p * rowBytes;
          for (int k = 0; k < lanes; k++) {
            LONG.set(dst, to + 8 * k, row[k]);
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
    long[][] rows = words == 0 ? null : new long[64][Math.min(LANES, words)];
    for (int c = 0; c < words; c += LANES) {
      int lanes = Math.min(LANES, words - c);
      int elements = dstOff + c * 64 * typesize;
      for (int q = 0; q < typesize; q += 8) {
        int r = Math.min(8, typesize - q);
        int planes = srcOff + 8 * c + 8 * q * rowBytes;
        for (int p = 0; p < 8 * r; p++) {
          long[] row = rows[p];
          int from = planes + p * rowBytes;
          for (int k = 0; k < lanes; k++) {
            row[k] = (long) LONG.get(src, from + 8 * k);
          }
        }
        for (int p = 8 * r; p < 64; p++) {
          Arrays.fill(rows[p], 0, lanes, 0L); // planes past the element's last byte
        }
        transpose(rows, lanes);
        for (int k = 0; k < lanes; k++) {
          int at = elements + 64 * k * typesize + q;
          if (r == 8) {
            for (int e = 0; e < 64; e++) {
              LONG.set(dst, at + e * typesize, rows[e][k]);
            }
          } else if (r == 4) { // int32, float32: a loop of its own, the generic write does not unswitch
            for (int e = 0; e < 64; e++) {
              INT.set(dst, at + e * typesize, (int) rows[e][k]);
            }
          } else {
            for (int e = 0; e < 64; e++) {
              write(dst, at + e * typesize, r, rows[e][k]);
            }
          }
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
   * Transposes the 64×64 bit matrices {@code 0..lanes-1}: row {@code i} of matrix {@code k} is {@code rows[i][k]}
   * (column {@code j} = bit {@code j}). Each of the six steps swaps bit {@code d} of the row index with bit
   * {@code d} of the column index; the steps commute.
   */
  private static void transpose(long[][] rows, int lanes) {
    step(rows, lanes, 32, 0x00000000FFFFFFFFL);
    step(rows, lanes, 16, 0x0000FFFF0000FFFFL);
    step(rows, lanes, 8, 0x00FF00FF00FF00FFL);
    step(rows, lanes, 4, 0x0F0F0F0F0F0F0F0FL);
    step(rows, lanes, 2, 0x3333333333333333L);
    step(rows, lanes, 1, 0x5555555555555555L);
  }

  /** Swaps the columns of bit {@code d} clear in rows {@code i + d} with those of bit {@code d} set in rows {@code i}. */
  private static void step(long[][] rows, int lanes, int d, long mask) {
    for (int i = 0; i < 64; i += 2 * d) {
      for (int j = i; j < i + d; j++) {
        swap(rows[j], rows[j + d], lanes, d, mask);
      }
    }
  }

  /**
   * One step on two rows of every matrix. The rows are two arrays, not two ranges of one: C2 (JDK 17) vectorizes
   * this loop only when the loads and stores cannot overlap by their array bases.
   */
  private static void swap(long[] lo, long[] hi, int lanes, int d, long mask) {
    for (int k = 0; k < lanes; k++) {
      long x = ((lo[k] >>> d) ^ hi[k]) & mask;
      lo[k] ^= x << d;
      hi[k] ^= x;
    }
  }

  /**
   * The {@code r} (1..8) bytes at {@code pos} as a little-endian long, zero-extended; 8 and 4 bytes have loops of
   * their own in the callers.
   */
  private static long read(byte[] b, int pos, int r) {
    switch (r) {
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

  /** Writes the low {@code r} (1..8) bytes of {@code v} at {@code pos}, little-endian (8 and 4: see {@link #read}). */
  private static void write(byte[] b, int pos, int r, long v) {
    switch (r) {
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
