package io.lakota.format;

import io.lakota.errors.CorruptObjectException;
import io.lakota.errors.UnsupportedFormatException;
import io.lakota.format.internal.Blosc;
import io.lakota.format.internal.Deflate;
import io.lakota.format.internal.Msgpack2;
import io.lakota.format.internal.RawArrays;
import io.lakota.format.internal.VlenUtf8;
import io.lakota.format.internal.Zstd;
import io.lakota.id.Digests;
import java.util.List;

/**
 * Encodes and decodes column arrays with a dtype and a codec chain (FORMAT.md §6.1), and names them by digest
 * (FORMAT.md §7). Immutable and thread-safe.
 *
 * <p>Supported codecs: {@code blosc}, {@code msgpack2}, {@code zstd} (the reference's), and {@code vlen-utf8},
 * {@code gzip}, {@code zlib}. The array codecs ({@code msgpack2}, {@code vlen-utf8}) must come first; other dtypes
 * than strings and objects are otherwise laid out as raw little-endian bytes before the byte codecs run.
 */
public final class ColumnCodec {
  /** Zstd level of the {@code zstd} codec: the reference's default, needed for byte-identical commits. */
  public static final int ZSTD_LEVEL = 1;

  private static final byte[] EMPTY = new byte[0];
  private static final long MAX_DECODED = Integer.MAX_VALUE - 16;

  private final Dtype dtype;
  private final List<String> codecs;
  private final boolean arrayCodecFirst;
  private final int bloscLevel;

  private ColumnCodec(Dtype dtype, List<String> codecs, int bloscLevel) {
    this.dtype = dtype;
    this.codecs = List.copyOf(codecs);
    this.bloscLevel = bloscLevel;
    boolean first = false;
    for (int i = 0; i < codecs.size(); i++) {
      String c = codecs.get(i);
      switch (c) {
        case "msgpack2":
        case "vlen-utf8":
          if (i != 0) {
            throw new UnsupportedFormatException("codec chain", String.join(" ", codecs) + "\" (\"" + c
                + "\" must come first");
          }
          if (c.equals("vlen-utf8") && dtype.storage() != Dtype.Storage.STRING) {
            throw new UnsupportedFormatException("codec for " + dtype.name(), c);
          }
          if (c.equals("msgpack2") && dtype.kind() == Dtype.Kind.DATETIME) {
            throw new UnsupportedFormatException("codec for " + dtype.name(), c);
          }
          first = true;
          break;
        case "blosc":
        case "zstd":
        case "gzip":
        case "zlib":
          break;
        default:
          throw new UnsupportedFormatException("codec", c);
      }
    }
    if (!first && dtype.isVariableSize()) {
      throw new UnsupportedFormatException(
          "codec chain for " + dtype.name() + " (needs msgpack2 or vlen-utf8 first)", String.join(" ", codecs));
    }
    this.arrayCodecFirst = first;
  }

  /** The codec of a schema column, with the default blosc compression level. */
  public static ColumnCodec of(ColumnDefinition column) {
    return new ColumnCodec(column.dtype(), column.codecs(), Blosc.DEFAULT_LEVEL);
  }

  /**
   * A codec for a dtype and chain.
   *
   * @throws UnsupportedFormatException naming the codec or chain when it is not supported for the dtype
   */
  public static ColumnCodec of(Dtype dtype, List<String> codecs) {
    return new ColumnCodec(dtype, codecs, Blosc.DEFAULT_LEVEL);
  }

  /** The same codec with another zstd level inside blosc frames. */
  public ColumnCodec withBloscLevel(int level) {
    return new ColumnCodec(dtype, codecs, level);
  }

  public Dtype dtype() {
    return dtype;
  }

  public List<String> codecs() {
    return codecs;
  }

  /** An encoded array and its digest. */
  public static final class Encoded {
    private final byte[] bytes;
    private final String digest;

    Encoded(byte[] bytes, String digest) {
      this.bytes = bytes;
      this.digest = digest;
    }

    /** The encoded bytes; owned by the caller, not to be modified. */
    public byte[] bytes() {
      return bytes;
    }

    public String digest() {
      return digest;
    }
  }

  /**
   * Encodes a column array and computes its digest: SHA-1 of the raw little-endian values for fixed-size dtypes,
   * of the encoded bytes for {@code <U0} and {@code object}, of the empty string for an empty array.
   */
  public Encoded encodeWithDigest(Object array) {
    if (Columns.length(array) == 0) {
      return new Encoded(EMPTY, Digests.EMPTY);
    }
    if (arrayCodecFirst || dtype.isVariableSize()) {
      byte[] enc = encode(array);
      return new Encoded(enc, dtype.isVariableSize() ? Digests.sha1(enc) : Digests.sha1(RawArrays.toBytes(array, dtype)));
    }
    byte[] raw = RawArrays.toBytes(array, dtype);
    return new Encoded(applyByteCodecs(raw, 0), Digests.sha1(raw));
  }

  /** Encodes a column array; an empty array encodes to the empty byte string. */
  public byte[] encode(Object array) {
    if (!Columns.isStorageOf(dtype, array)) {
      throw new IllegalArgumentException(
          "Cannot encode a " + array.getClass().getSimpleName() + " as " + dtype.name());
    }
    if (Columns.length(array) == 0) {
      return EMPTY;
    }
    if (arrayCodecFirst) {
      byte[] first = codecs.get(0).equals("msgpack2")
          ? Msgpack2.encode(array, dtype)
          : VlenUtf8.encode((String[]) array);
      return applyByteCodecs(first, 1);
    }
    return applyByteCodecs(RawArrays.toBytes(array, dtype), 0);
  }

  private byte[] applyByteCodecs(byte[] data, int from) {
    byte[] buf = data;
    for (int i = from; i < codecs.size(); i++) {
      switch (codecs.get(i)) {
        case "blosc":
          int ts = dtype.itemSize() == 0 || dtype.itemSize() > 255 || arrayCodecFirst ? 1 : dtype.itemSize();
          buf = Blosc.encode(buf, 0, buf.length, ts, bloscLevel);
          break;
        case "zstd":
          buf = Zstd.compress(buf, 0, buf.length, ZSTD_LEVEL);
          break;
        case "gzip":
          buf = Deflate.gzip(buf);
          break;
        default:
          buf = Deflate.zlib(buf);
      }
    }
    return buf;
  }

  /**
   * Decodes an encoded array.
   *
   * @param expectedLength the number of elements the caller knows the array has (a commit row's length), or -1;
   *     a different decoded length is corruption
   * @throws CorruptObjectException when the bytes cannot be decoded (location not set: callers attach the path)
   */
  public Object decode(byte[] data, int off, int len, long expectedLength) {
    return decode(data, off, len, expectedLength, null);
  }

  /**
   * Decodes an encoded array and checks it against the digest that names it (FORMAT.md §7): the SHA-1 of the
   * encoded bytes for {@code <U0} and {@code object}, of the decoded raw values for fixed-size dtypes. A mismatch is
   * corruption, so a damaged file never reads as wrong values. Datetime columns are the exception: the reference
   * hashed datetime input in the caller's unit (FORMAT.md §7), so their digests cannot be checked.
   *
   * @param expectedDigest the digest naming the array, or null to skip the check
   */
  public Object decode(byte[] data, int off, int len, long expectedLength, String expectedDigest) {
    boolean verify = expectedDigest != null && dtype.kind() != Dtype.Kind.DATETIME;
    if (verify && (dtype.isVariableSize() || len == 0)) {
      checkDigest(Digests.sha1(data, off, len), expectedDigest);
      verify = false;
    }
    if (len == 0) {
      if (expectedLength > 0) {
        throw new CorruptObjectException(null, "empty encoding for an array of " + expectedLength + " items");
      }
      return Columns.empty(dtype);
    }
    long limit = expectedLength >= 0 && dtype.isFixedSize() && !arrayCodecFirst
        ? expectedLength * dtype.itemSize()
        : MAX_DECODED;
    byte[] buf = data;
    int bOff = off;
    int bLen = len;
    int last = arrayCodecFirst ? 1 : 0;
    for (int i = codecs.size() - 1; i >= last; i--) {
      byte[] out;
      switch (codecs.get(i)) {
        case "blosc":
          out = Blosc.decode(buf, bOff, bLen, limit);
          break;
        case "zstd":
          out = Zstd.decompress(buf, bOff, bLen, limit);
          break;
        case "gzip":
          out = Deflate.gunzip(buf, bOff, bLen, limit);
          break;
        default:
          out = Deflate.unzlib(buf, bOff, bLen, limit);
      }
      buf = out;
      bOff = 0;
      bLen = out.length;
      limit = MAX_DECODED;
    }
    Object array;
    if (arrayCodecFirst) {
      array = codecs.get(0).equals("msgpack2")
          ? Msgpack2.decode(buf, bOff, bLen, dtype)
          : VlenUtf8.decode(buf, bOff, bLen);
    } else {
      if (verify) {
        checkDigest(Digests.sha1(buf, bOff, bLen), expectedDigest);
      }
      array = RawArrays.fromBytes(buf, bOff, bLen, dtype);
    }
    if (expectedLength >= 0 && Columns.length(array) != expectedLength) {
      throw new CorruptObjectException(
          null, "decoded " + Columns.length(array) + " items where " + expectedLength + " were expected");
    }
    return array;
  }

  private static void checkDigest(String actual, String expected) {
    if (!actual.equals(expected)) {
      throw new CorruptObjectException(null, "content hashes to " + actual + ", not to its digest " + expected);
    }
  }

  /** Decodes a whole encoded array of unknown length. */
  public Object decode(byte[] data) {
    return decode(data, 0, data.length, -1);
  }
}
