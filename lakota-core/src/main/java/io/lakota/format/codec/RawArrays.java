package io.lakota.format.codec;

import io.lakota.errors.CorruptObjectException;
import io.lakota.format.Dtype;
import io.lakota.format.internal.LittleEndian;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The raw little-endian layout of fixed-size column arrays (FORMAT.md §6.6): the bytes that blosc, zstd, gzip and
 * zlib compress and that fixed-size digests hash.
 */
public final class RawArrays {
  private RawArrays() {}

  /** The raw bytes of a column array of a fixed-size dtype. */
  public static byte[] toBytes(Object array, Dtype dtype) {
    switch (dtype.storage()) {
      case LONG:
        long[] l = (long[]) array;
        return LittleEndian.toBytes(l, 0, l.length);
      case DOUBLE:
        double[] d = (double[]) array;
        return LittleEndian.toBytes(d, 0, d.length);
      case INT:
        int[] i = (int[]) array;
        return LittleEndian.toBytes(i, 0, i.length);
      case FLOAT:
        float[] f = (float[]) array;
        return LittleEndian.toBytes(f, 0, f.length);
      case SHORT:
        short[] s = (short[]) array;
        return LittleEndian.toBytes(s, 0, s.length);
      case BYTE:
        return ((byte[]) array).clone();
      case BOOLEAN:
        boolean[] b = (boolean[]) array;
        byte[] out = new byte[b.length];
        for (int k = 0; k < b.length; k++) {
          out[k] = b[k] ? (byte) 1 : 0;
        }
        return out;
      case STRING:
        return fixedStrings((String[]) array, dtype.width());
      default:
        throw new IllegalArgumentException("Cannot lay out " + dtype + " as raw bytes");
    }
  }

  private static byte[] fixedStrings(String[] values, int width) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 4 * width).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < values.length; k++) {
      String v = values[k] == null ? "" : values[k];
      int pos = k * 4 * width;
      int cp = 0;
      for (int c = 0; c < v.length() && cp < width; cp++) {
        int code = v.codePointAt(c);
        buf.putInt(pos + 4 * cp, code);
        c += Character.charCount(code);
      }
    }
    return buf.array();
  }

  /**
   * A column array of {@code dtype} from raw bytes.
   *
   * @throws CorruptObjectException when the byte count is not a multiple of the item size
   */
  public static Object fromBytes(byte[] raw, int off, int len, Dtype dtype) {
    int size = dtype.itemSize();
    if (size == 0 || len % size != 0) {
      throw new CorruptObjectException(null, len + " bytes are not a whole number of " + dtype + " items");
    }
    int n = len / size;
    switch (dtype.storage()) {
      case LONG:
        return LittleEndian.toLongs(raw, off, n);
      case DOUBLE:
        return LittleEndian.toDoubles(raw, off, n);
      case INT:
        return LittleEndian.toInts(raw, off, n);
      case FLOAT:
        return LittleEndian.toFloats(raw, off, n);
      case SHORT:
        return LittleEndian.toShorts(raw, off, n);
      case BYTE:
        return java.util.Arrays.copyOfRange(raw, off, off + len);
      case BOOLEAN:
        boolean[] b = new boolean[n];
        for (int k = 0; k < n; k++) {
          b[k] = raw[off + k] != 0;
        }
        return b;
      case STRING:
        return strings(raw, off, n, dtype.width());
      default:
        throw new IllegalArgumentException("Cannot read " + dtype + " from raw bytes");
    }
  }

  private static String[] strings(byte[] raw, int off, int n, int width) {
    ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    String[] out = new String[n];
    StringBuilder sb = new StringBuilder(width);
    for (int k = 0; k < n; k++) {
      sb.setLength(0);
      int base = off + k * 4 * width;
      int end = width;
      // numpy strips trailing NULs only
      while (end > 0 && buf.getInt(base + 4 * (end - 1)) == 0) {
        end--;
      }
      for (int c = 0; c < end; c++) {
        int code = buf.getInt(base + 4 * c);
        if (!Character.isValidCodePoint(code)) {
          throw new CorruptObjectException(null, "invalid code point " + code + " in a <U" + width + " array");
        }
        sb.appendCodePoint(code);
      }
      out[k] = sb.toString();
    }
    return out;
  }

  /** The UTF-8 bytes of a string (shared by the vlen-utf8 codec). */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
