package io.lakota.format.internal;

import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.lakota.errors.CorruptObjectException;
import java.util.Arrays;

/**
 * The aircompressor backend of {@link Zstd}, used when zstd-jni cannot load. Its level is fixed (about 3); the
 * frames it writes record their content size, as the reference requires.
 */
final class ZstdPure implements ZstdBackend {
  // the decompressor keeps per-frame tables: one per thread
  private static final ThreadLocal<ZstdDecompressor> DECOMPRESSORS = ThreadLocal.withInitial(ZstdDecompressor::new);
  private static final ZstdCompressor COMPRESSOR = new ZstdCompressor();

  @Override
  public byte[] compress(byte[] src, int off, int len, int level) {
    byte[] dst = new byte[COMPRESSOR.maxCompressedLength(len)];
    int n = COMPRESSOR.compress(src, off, len, dst, 0, dst.length);
    return Arrays.copyOf(dst, n);
  }

  @Override
  public int compressInto(byte[] src, int off, int len, byte[] dst, int dstOff, int dstCapacity, int level) {
    // aircompressor refuses outputs smaller than its bound, so compress aside and copy when it fits
    byte[] frame = compress(src, off, len, level);
    if (frame.length > dstCapacity) {
      return -1;
    }
    System.arraycopy(frame, 0, dst, dstOff, frame.length);
    return frame.length;
  }

  @Override
  public int decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int dstCapacity) {
    try {
      return DECOMPRESSORS.get().decompress(src, off, len, dst, dstOff, dstCapacity);
    } catch (RuntimeException e) {
      // MalformedInputException mostly, but hostile input may trip any unchecked exception in the decoder
      throw new CorruptObjectException(null, "corrupt or truncated zstd frame (" + e.getMessage() + ")", e);
    }
  }
}
