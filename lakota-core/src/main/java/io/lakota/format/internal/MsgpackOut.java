package io.lakota.format.internal;

/**
 * Writes msgpack into a byte array of a size computed beforehand ({@code sizeOf…} methods), with exactly the
 * encodings msgpack-java's {@code MessagePacker} chooses (smallest header; {@code str8} on; strings converted with
 * {@code String.getBytes}, which msgpack-java does for strings shorter than 512 chars — callers encode longer ones
 * with msgpack-java). Used on hot paths (commit payloads, string columns) where the packer's 8 KiB buffer per call,
 * its growth and its final copy cost more than the encoding. Not thread-safe.
 */
public final class MsgpackOut {
  /** Strings at least this long are not written here (msgpack-java encodes them differently, in place). */
  public static final int MAX_STRING_CHARS = 511;

  private final byte[] buf;
  private int pos;

  /** A writer over a new array of exactly {@code size} bytes. */
  public MsgpackOut(int size) {
    buf = new byte[size];
  }

  /** A writer into {@code target} from {@code offset} on (for pieces assembled by the caller). */
  public MsgpackOut(byte[] target, int offset) {
    buf = target;
    pos = offset;
  }

  /** Where the next byte goes. */
  public int position() {
    return pos;
  }

  /** The array, which must be full. */
  public byte[] finish() {
    if (pos != buf.length) {
      throw new IllegalStateException("msgpack size mismatch: wrote " + pos + " of " + buf.length + " bytes");
    }
    return buf;
  }

  /** The size of an array header for {@code n} elements (also of a map header for {@code n} pairs). */
  public static int sizeOfContainerHeader(int n) {
    return n < 16 ? 1 : n < 65536 ? 3 : 5;
  }

  /** The size of a binary header for {@code len} bytes. */
  public static int sizeOfBinaryHeader(int len) {
    return len < 256 ? 2 : len < 65536 ? 3 : 5;
  }

  /** The size of a string header for {@code len} UTF-8 bytes. */
  public static int sizeOfStringHeader(int len) {
    return len < 32 ? 1 : len < 256 ? 2 : len < 65536 ? 3 : 5;
  }

  /** The size of a non-negative int as {@code packInt} writes it. */
  public static int sizeOfUnsignedInt(int v) {
    return v < 128 ? 1 : v < 256 ? 2 : v < 65536 ? 3 : 5;
  }

  public void arrayHeader(int n) {
    header(n, 0x90, 0xdc, 0xdd);
  }

  public void mapHeader(int n) {
    header(n, 0x80, 0xde, 0xdf);
  }

  private void header(int n, int fix, int b16, int b32) {
    if (n < 16) {
      buf[pos++] = (byte) (fix | n);
    } else if (n < 65536) {
      buf[pos++] = (byte) b16;
      be16(n);
    } else {
      buf[pos++] = (byte) b32;
      be32(n);
    }
  }

  /** A non-negative int, as {@code packInt}. */
  public void unsignedInt(int v) {
    if (v < 128) {
      buf[pos++] = (byte) v;
    } else if (v < 256) {
      buf[pos++] = (byte) 0xcc;
      buf[pos++] = (byte) v;
    } else if (v < 65536) {
      buf[pos++] = (byte) 0xcd;
      be16(v);
    } else {
      buf[pos++] = (byte) 0xce;
      be32(v);
    }
  }

  /** A binary value: header and bytes. */
  public void binary(byte[] b) {
    int len = b.length;
    if (len < 256) {
      buf[pos++] = (byte) 0xc4;
      buf[pos++] = (byte) len;
    } else if (len < 65536) {
      buf[pos++] = (byte) 0xc5;
      be16(len);
    } else {
      buf[pos++] = (byte) 0xc6;
      be32(len);
    }
    System.arraycopy(b, 0, buf, pos, len);
    pos += len;
  }

  /** Bytes that already are msgpack (items packed earlier), copied as they are. */
  public void raw(byte[] b, int off, int len) {
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
  }

  /** A string whose UTF-8 bytes are {@code utf8}. */
  public void string(byte[] utf8) {
    stringHeader(utf8.length);
    System.arraycopy(utf8, 0, buf, pos, utf8.length);
    pos += utf8.length;
  }

  /** An ASCII string (every char below 0x80: the caller checked), copied without a conversion. */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) keeps the low 8 bits: exact for ASCII
  public void writeAscii(String s) {
    int len = s.length();
    stringHeader(len);
    // an array copy for Latin-1 strings, where a loop over charAt costs a bounds check and a store per char
    s.getBytes(0, len, buf, pos);
    pos += len;
  }

  private void stringHeader(int len) {
    if (len < 32) {
      buf[pos++] = (byte) (0xa0 | len);
    } else if (len < 256) {
      buf[pos++] = (byte) 0xd9;
      buf[pos++] = (byte) len;
    } else if (len < 65536) {
      buf[pos++] = (byte) 0xda;
      be16(len);
    } else {
      buf[pos++] = (byte) 0xdb;
      be32(len);
    }
  }

  private void be16(int v) {
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
  }

  private void be32(int v) {
    buf[pos++] = (byte) (v >>> 24);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
  }
}
