package io.lakota.format.internal;

import io.lakota.errors.CorruptObjectException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The numcodecs {@code vlen-utf8} array codec (FORMAT.md §6.5): uint32 LE item count, then for each item a uint32
 * LE byte length and the UTF-8 bytes.
 */
public final class VlenUtf8 {
  private VlenUtf8() {}

  /** Encodes strings ({@code null} as the empty string). */
  public static byte[] encode(String[] values) {
    byte[][] parts = new byte[values.length][];
    long total = 4;
    for (int i = 0; i < values.length; i++) {
      parts[i] = values[i] == null ? new byte[0] : values[i].getBytes(StandardCharsets.UTF_8);
      total += 4 + parts[i].length;
    }
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(values.length);
    for (byte[] p : parts) {
      out.putInt(p.length).put(p);
    }
    return out.array();
  }

  /** Decodes strings, checking every length against the input. */
  public static String[] decode(byte[] data, int off, int len) {
    ByteBuffer in = ByteBuffer.wrap(data, off, len).order(ByteOrder.LITTLE_ENDIAN);
    if (len < 4) {
      throw new CorruptObjectException(null, "vlen-utf8 input of " + len + " bytes has no header");
    }
    long n = Integer.toUnsignedLong(in.getInt());
    if (n > (len - 4) / 4) {
      throw new CorruptObjectException(null, "vlen-utf8 header announces " + n + " items in " + len + " bytes");
    }
    String[] out = new String[(int) n];
    for (int i = 0; i < n; i++) {
      if (in.remaining() < 4) {
        throw new CorruptObjectException(null, "vlen-utf8 input truncated at item " + i);
      }
      long l = Integer.toUnsignedLong(in.getInt());
      if (l > in.remaining()) {
        throw new CorruptObjectException(null, "vlen-utf8 item " + i + " of " + l + " bytes is truncated");
      }
      out[i] = new String(data, in.position(), (int) l, StandardCharsets.UTF_8);
      in.position(in.position() + (int) l);
    }
    return out;
  }
}
