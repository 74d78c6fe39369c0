package io.lakota.format.internal;

/** One zstd implementation behind {@link Zstd}: native zstd-jni or pure-Java aircompressor. Thread-safe. */
interface ZstdBackend {

  /** One frame with the content size in its header. */
  byte[] compress(byte[] src, int off, int len, int level);

  /** The frame length written at {@code dst[dstOff]}, or -1 when it needs more than {@code dstCapacity} bytes. */
  int compressInto(byte[] src, int off, int len, byte[] dst, int dstOff, int dstCapacity, int level);

  /**
   * Decodes one frame into at most {@code dstCapacity} bytes at {@code dst[dstOff]} and returns the count; fails
   * with a {@link io.lakota.errors.CorruptObjectException} on any malformed input.
   */
  int decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int dstCapacity);
}
