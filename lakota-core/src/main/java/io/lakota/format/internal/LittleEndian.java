package io.lakota.format.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Bulk conversions between primitive arrays and their raw little-endian bytes (the layout of numeric column arrays,
 * FORMAT.md §6.6). Uses NIO buffer views, which the JDK turns into block copies (plus byte swaps on big-endian
 * hosts). Stateless and thread-safe. Element counts and offsets are checked before anything is allocated; a slice
 * that does not fit its array is an {@link IndexOutOfBoundsException}.
 */
public final class LittleEndian {
  private LittleEndian() {}

  /** The little-endian bytes of {@code a[off, off+len)}. */
  public static byte[] toBytes(long[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    byte[] out = new byte[byteCount(len, Long.BYTES)];
    view(out, 0, out.length).asLongBuffer().put(a, off, len);
    return out;
  }

  /** The little-endian IEEE 754 bytes of {@code a[off, off+len)}; NaN payloads are kept bit for bit. */
  public static byte[] toBytes(double[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    byte[] out = new byte[byteCount(len, Double.BYTES)];
    view(out, 0, out.length).asDoubleBuffer().put(a, off, len);
    return out;
  }

  /** The little-endian bytes of {@code a[off, off+len)}. */
  public static byte[] toBytes(int[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    byte[] out = new byte[byteCount(len, Integer.BYTES)];
    view(out, 0, out.length).asIntBuffer().put(a, off, len);
    return out;
  }

  /** The little-endian IEEE 754 bytes of {@code a[off, off+len)}. */
  public static byte[] toBytes(float[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    byte[] out = new byte[byteCount(len, Float.BYTES)];
    view(out, 0, out.length).asFloatBuffer().put(a, off, len);
    return out;
  }

  /** The little-endian bytes of {@code a[off, off+len)}. */
  public static byte[] toBytes(short[] a, int off, int len) {
    Objects.checkFromIndexSize(off, len, a.length);
    byte[] out = new byte[byteCount(len, Short.BYTES)];
    view(out, 0, out.length).asShortBuffer().put(a, off, len);
    return out;
  }

  /** {@code nElems} longs read from {@code b} starting at byte {@code off}. */
  public static long[] toLongs(byte[] b, int off, int nElems) {
    Objects.checkFromIndexSize(off, byteCount(nElems, Long.BYTES), b.length);
    long[] out = new long[nElems];
    toLongs(b, off, out, 0, nElems);
    return out;
  }

  /** Fills {@code dst[dstOff, dstOff+nElems)} with longs read from {@code b} starting at byte {@code off}. */
  public static void toLongs(byte[] b, int off, long[] dst, int dstOff, int nElems) {
    Objects.checkFromIndexSize(dstOff, nElems, dst.length);
    view(b, off, byteCount(nElems, Long.BYTES)).asLongBuffer().get(dst, dstOff, nElems);
  }

  /** {@code nElems} doubles read from {@code b} starting at byte {@code off}. */
  public static double[] toDoubles(byte[] b, int off, int nElems) {
    Objects.checkFromIndexSize(off, byteCount(nElems, Double.BYTES), b.length);
    double[] out = new double[nElems];
    toDoubles(b, off, out, 0, nElems);
    return out;
  }

  /** Fills {@code dst[dstOff, dstOff+nElems)} with doubles read from {@code b} starting at byte {@code off}. */
  public static void toDoubles(byte[] b, int off, double[] dst, int dstOff, int nElems) {
    Objects.checkFromIndexSize(dstOff, nElems, dst.length);
    view(b, off, byteCount(nElems, Double.BYTES)).asDoubleBuffer().get(dst, dstOff, nElems);
  }

  /** {@code nElems} ints read from {@code b} starting at byte {@code off}. */
  public static int[] toInts(byte[] b, int off, int nElems) {
    Objects.checkFromIndexSize(off, byteCount(nElems, Integer.BYTES), b.length);
    int[] out = new int[nElems];
    toInts(b, off, out, 0, nElems);
    return out;
  }

  /** Fills {@code dst[dstOff, dstOff+nElems)} with ints read from {@code b} starting at byte {@code off}. */
  public static void toInts(byte[] b, int off, int[] dst, int dstOff, int nElems) {
    Objects.checkFromIndexSize(dstOff, nElems, dst.length);
    view(b, off, byteCount(nElems, Integer.BYTES)).asIntBuffer().get(dst, dstOff, nElems);
  }

  /** {@code nElems} floats read from {@code b} starting at byte {@code off}. */
  public static float[] toFloats(byte[] b, int off, int nElems) {
    Objects.checkFromIndexSize(off, byteCount(nElems, Float.BYTES), b.length);
    float[] out = new float[nElems];
    toFloats(b, off, out, 0, nElems);
    return out;
  }

  /** Fills {@code dst[dstOff, dstOff+nElems)} with floats read from {@code b} starting at byte {@code off}. */
  public static void toFloats(byte[] b, int off, float[] dst, int dstOff, int nElems) {
    Objects.checkFromIndexSize(dstOff, nElems, dst.length);
    view(b, off, byteCount(nElems, Float.BYTES)).asFloatBuffer().get(dst, dstOff, nElems);
  }

  /** {@code nElems} shorts read from {@code b} starting at byte {@code off}. */
  public static short[] toShorts(byte[] b, int off, int nElems) {
    Objects.checkFromIndexSize(off, byteCount(nElems, Short.BYTES), b.length);
    short[] out = new short[nElems];
    toShorts(b, off, out, 0, nElems);
    return out;
  }

  /** Fills {@code dst[dstOff, dstOff+nElems)} with shorts read from {@code b} starting at byte {@code off}. */
  public static void toShorts(byte[] b, int off, short[] dst, int dstOff, int nElems) {
    Objects.checkFromIndexSize(dstOff, nElems, dst.length);
    view(b, off, byteCount(nElems, Short.BYTES)).asShortBuffer().get(dst, dstOff, nElems);
  }

  private static int byteCount(int nElems, int size) {
    if (nElems < 0 || (long) nElems * size > Integer.MAX_VALUE) {
      throw new IndexOutOfBoundsException(nElems + " elements of " + size + " bytes do not fit in a byte array");
    }
    return nElems * size;
  }

  private static ByteBuffer view(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    return ByteBuffer.wrap(b, off, len).slice().order(ByteOrder.LITTLE_ENDIAN);
  }
}
