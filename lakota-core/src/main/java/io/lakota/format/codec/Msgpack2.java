package io.lakota.format.codec;

import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.UnsupportedFormatException;
import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import io.lakota.format.internal.MsgpackOut;
import io.lakota.format.internal.MsgpackValues;
import io.lakota.format.internal.PythonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * The {@code msgpack2} array codec (FORMAT.md §6.3): an array of {@code n} elements is the msgpack array
 * {@code [v0, …, v(n-1), <dtype string>, [n]]}.
 *
 * <p>String columns are written with dtype string {@code <UW}, W the maximum length in code points (at least 1),
 * because the reference allocates a fixed-width array from it and truncates longer strings; readers apply the same
 * truncation so that both implementations read identical data even from malformed payloads.
 */
public final class Msgpack2 {
  private Msgpack2() {}

  /** Encodes a column array of {@code dtype}. */
  public static byte[] encode(Object array, Dtype dtype) {
    if (dtype.storage() == Dtype.Storage.STRING) {
      byte[] fast = encodeStrings((String[]) array, dtype);
      if (fast != null) {
        return fast;
      }
    }
    return encodeWithPacker(array, dtype);
  }

  /** Encodes any column with msgpack-java's packer (the reference encoding that {@link #encodeStrings} matches). */
  static byte[] encodeWithPacker(Object array, Dtype dtype) {
    int n = Columns.length(array);
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(n + 2);
      String dtypeStr;
      switch (dtype.storage()) {
        case STRING:
          String[] s = (String[]) array;
          int width = 1;
          for (String v : s) {
            String value = v == null ? "None" : v;
            width = Math.max(width, value.codePointCount(0, value.length()));
            p.packString(value);
          }
          dtypeStr = "<U" + (dtype.kind() == Dtype.Kind.FIXED_STRING ? Math.max(width, dtype.width()) : width);
          break;
        case OBJECT:
          for (Object v : (Object[]) array) {
            MsgpackValues.pack(p, v);
          }
          dtypeStr = "|O";
          break;
        case DOUBLE:
          for (double v : (double[]) array) {
            p.packDouble(v);
          }
          dtypeStr = dtype.numpyStr();
          break;
        case FLOAT:
          for (float v : (float[]) array) {
            p.packDouble(v);
          }
          dtypeStr = dtype.numpyStr();
          break;
        case BOOLEAN:
          for (boolean v : (boolean[]) array) {
            p.packBoolean(v);
          }
          dtypeStr = dtype.numpyStr();
          break;
        default:
          if (dtype.kind() == Dtype.Kind.DATETIME) {
            throw new UnsupportedFormatException("codec for datetime columns", "msgpack2");
          }
          for (int i = 0; i < n; i++) {
            long v = ((Number) Columns.get(array, i)).longValue();
            if (dtype.kind() == Dtype.Kind.UINT) {
              if (dtype.itemSize() < 8) {
                p.packLong(v & ((1L << (8 * dtype.itemSize())) - 1));
              } else {
                p.packBigInteger(new java.math.BigInteger(Long.toUnsignedString(v)));
              }
            } else {
              p.packLong(v);
            }
          }
          dtypeStr = dtype.numpyStr();
      }
      p.packString(dtypeStr);
      p.packArrayHeader(1);
      p.packInt(n);
      return p.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory msgpack packing cannot fail", e);
    }
  }

  /**
   * A string column written straight into an array of its exact size, byte for byte what the packer below writes
   * (commit payloads encode several string columns per commit: digests, labels, closed flags); null when a string is
   * too long for that ({@link MsgpackOut#MAX_STRING_CHARS}), which the packer then encodes.
   */
  static byte[] encodeStrings(String[] s, Dtype dtype) {
    int n = s.length;
    // String.getBytes checks and copies ASCII strings (digests, usual labels) as whole arrays; a UTF-8 encoding as
    // long as the string is all ASCII, and only then, so its length also tells the width in code points
    byte[][] utf8 = new byte[n][];
    long size = MsgpackOut.sizeOfContainerHeader(n + 2);
    int width = 1;
    for (int i = 0; i < n; i++) {
      String value = s[i] == null ? "None" : s[i];
      if (value.length() > MsgpackOut.MAX_STRING_CHARS) {
        return null;
      }
      byte[] b = value.getBytes(StandardCharsets.UTF_8);
      utf8[i] = b;
      int len = b.length;
      width = Math.max(width, width(value, b));
      size += MsgpackOut.sizeOfStringHeader(len) + len;
    }
    String dtypeStr = stringDtype(width, dtype);
    size += footerSize(dtypeStr, n);
    if (size > Integer.MAX_VALUE - 16) {
      return null;
    }
    MsgpackOut out = new MsgpackOut((int) size);
    out.arrayHeader(n + 2);
    for (int i = 0; i < n; i++) {
      out.string(utf8[i]);
    }
    return finishStrings(out, dtypeStr, n);
  }

  /**
   * The msgpack2 bytes of a string column of {@code n} items that the caller packed back to back in
   * {@code items[0, len)}, each as {@link #encodeStrings} writes it (a msgpack str of at most
   * {@link MsgpackOut#MAX_STRING_CHARS} chars); {@code width} is the widest item's length in code points (at least
   * 1). Byte for byte what {@link #encode} gives for the same strings.
   */
  public static byte[] encodePackedStrings(byte[] items, int len, int n, int width, Dtype dtype) {
    String dtypeStr = stringDtype(width, dtype);
    long size = MsgpackOut.sizeOfContainerHeader(n + 2) + (long) len + footerSize(dtypeStr, n);
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("string column of " + size + " bytes is too large to encode");
    }
    MsgpackOut out = new MsgpackOut((int) size);
    out.arrayHeader(n + 2);
    out.raw(items, 0, len);
    return finishStrings(out, dtypeStr, n);
  }

  /** The width in code points of {@code value}, whose UTF-8 bytes are {@code utf8}, as its dtype counts it. */
  public static int width(String value, byte[] utf8) {
    return utf8.length == value.length() ? utf8.length : value.codePointCount(0, value.length());
  }

  private static String stringDtype(int width, Dtype dtype) {
    return "<U" + (dtype.kind() == Dtype.Kind.FIXED_STRING ? Math.max(width, dtype.width()) : width);
  }

  /** The size of what {@link #finishStrings} writes. */
  private static int footerSize(String dtypeStr, int n) {
    return MsgpackOut.sizeOfStringHeader(dtypeStr.length()) + dtypeStr.length() + 1 + MsgpackOut.sizeOfUnsignedInt(n);
  }

  /** Writes the dtype string and the shape {@code [n]} after a string column's items. */
  private static byte[] finishStrings(MsgpackOut out, String dtypeStr, int n) {
    out.writeAscii(dtypeStr);
    out.arrayHeader(1);
    out.unsignedInt(n);
    return out.finish();
  }

  /**
   * Decodes a msgpack2 array into a column array of {@code dtype}.
   *
   * @throws CorruptObjectException when the bytes are not a well-formed msgpack2 array
   */
  public static Object decode(byte[] data, int off, int len, Dtype dtype) {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(data, off, len)) {
      int count = u.unpackArrayHeader();
      // every element takes at least one byte: a larger count is a corrupt header, not a reason to allocate
      if (count < 2 || count > len) {
        throw new CorruptObjectException(null, "msgpack2 array has " + count + " items in " + len + " bytes");
      }
      int n = count - 2;
      List<Object> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values.add(MsgpackValues.unpack(u, len, 0));
      }
      Object dt = MsgpackValues.unpack(u, len, 0);
      Object shape = MsgpackValues.unpack(u, len, 0);
      if (!(dt instanceof String)) {
        throw new CorruptObjectException(null, "msgpack2 dtype is not a string: " + dt);
      }
      if (!(shape instanceof List)
          || ((List<?>) shape).size() != 1
          || !(((List<?>) shape).get(0) instanceof Long)
          || (Long) ((List<?>) shape).get(0) != n) {
        throw new CorruptObjectException(null, "msgpack2 shape " + shape + " does not match " + n + " items");
      }
      if (u.hasNext()) {
        throw new CorruptObjectException(null, "msgpack2 array is followed by trailing bytes");
      }
      return toColumn(values, (String) dt, dtype);
    } catch (MessagePackException | IOException e) {
      throw new CorruptObjectException(null, "malformed msgpack2 array (" + e.getMessage() + ")", e);
    }
  }

  private static Object toColumn(List<Object> values, String dt, Dtype dtype) {
    int n = values.size();
    switch (dtype.storage()) {
      case STRING:
        int width = stringWidth(dt);
        int limit = dtype.kind() == Dtype.Kind.FIXED_STRING ? dtype.width() : Integer.MAX_VALUE;
        if (width > 0) {
          limit = Math.min(limit, width);
        }
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
          s[i] = truncate(PythonText.str(values.get(i)), limit);
        }
        return s;
      case OBJECT:
        return values.toArray();
      default:
        Object out = Columns.allocate(dtype, n);
        for (int i = 0; i < n; i++) {
          Object v = values.get(i);
          if (!(v instanceof Number) && !(v instanceof Boolean)) {
            throw new CorruptObjectException(null, "msgpack2 value " + v + " is not a number for " + dtype);
          }
          setNumber(out, i, v);
        }
        return out;
    }
  }

  private static void setNumber(Object out, int i, Object v) {
    if (v instanceof Boolean) {
      v = ((Boolean) v) ? 1L : 0L;
    }
    Number num = (Number) v;
    if (out instanceof long[]) {
      ((long[]) out)[i] = num.longValue();
    } else if (out instanceof double[]) {
      ((double[]) out)[i] = num.doubleValue();
    } else if (out instanceof int[]) {
      ((int[]) out)[i] = num.intValue();
    } else if (out instanceof short[]) {
      ((short[]) out)[i] = num.shortValue();
    } else if (out instanceof byte[]) {
      ((byte[]) out)[i] = num.byteValue();
    } else if (out instanceof float[]) {
      ((float[]) out)[i] = num.floatValue();
    } else {
      ((boolean[]) out)[i] = num.doubleValue() != 0;
    }
  }

  /** The width W of a {@code <UW} dtype string ({@code <U0} counts as 1, like numpy); 0 for other strings. */
  static int stringWidth(String dt) {
    String body = dt.startsWith("<") || dt.startsWith(">") || dt.startsWith("=") ? dt.substring(1) : dt;
    if (body.length() < 2 || body.charAt(0) != 'U') {
      return 0;
    }
    try {
      int w = Integer.parseInt(body.substring(1));
      return Math.max(w, 1);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String truncate(String s, int codePoints) {
    if (s.length() <= codePoints) {
      return s;
    }
    if (s.codePointCount(0, s.length()) <= codePoints) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, codePoints));
  }
}
