package io.lakota.format.internal;

import io.lakota.errors.CorruptObjectException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/** The numcodecs {@code zlib} (RFC 1950) and {@code gzip} (RFC 1952) byte codecs, on the JDK's zlib. */
public final class Deflate {
  /** numcodecs' default level for both codecs. */
  public static final int DEFAULT_LEVEL = 1;

  private Deflate() {}

  /** A zlib stream of the input. */
  public static byte[] zlib(byte[] data) {
    Deflater d = new Deflater(DEFAULT_LEVEL);
    try {
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
      byte[] buf = new byte[65536];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  /** The bytes of a zlib stream, refusing more than {@code maxBytes}. */
  public static byte[] unzlib(byte[] data, int off, int len, long maxBytes) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(data, off, len);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          throw new CorruptObjectException(null, "truncated zlib stream");
        }
        out.write(buf, 0, n);
        checkSize(out.size(), maxBytes);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new CorruptObjectException(null, "malformed zlib stream (" + e.getMessage() + ")", e);
    } finally {
      inf.end();
    }
  }

  /** A gzip member of the input. */
  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory gzip cannot fail", e);
    }
    return out.toByteArray();
  }

  /** The bytes of a gzip member, refusing more than {@code maxBytes}. */
  public static byte[] gunzip(byte[] data, int off, int len, long maxBytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data, off, len))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        checkSize(out.size(), maxBytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new CorruptObjectException(null, "malformed gzip stream (" + e.getMessage() + ")", e);
    }
  }

  private static void checkSize(long size, long maxBytes) {
    if (size > maxBytes) {
      throw new CorruptObjectException(null, "decompressed size exceeds " + maxBytes + " bytes");
    }
  }
}
