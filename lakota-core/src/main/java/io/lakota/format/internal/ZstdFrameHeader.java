package io.lakota.format.internal;

import io.lakota.errors.CorruptObjectException;

/**
 * Reads the content size from a zstd frame header (RFC 8878 §3.1.1.1) in Java, so that sizes are checked against
 * the caller's limit before any allocation and whichever backend decodes the frame.
 */
final class ZstdFrameHeader {
  private static final int MAGIC = 0xFD2FB528;
  private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
  private static final int SKIPPABLE_MAGIC = 0x184D2A50;

  private ZstdFrameHeader() {}

  static long contentSize(byte[] src, int off, int len) {
    if (len < 6) {
      throw new CorruptObjectException(null, "truncated zstd frame: " + len + " bytes, a frame needs at least 6");
    }
    int magic = (src[off] & 0xff) | (src[off + 1] & 0xff) << 8 | (src[off + 2] & 0xff) << 16 | src[off + 3] << 24;
    if ((magic & SKIPPABLE_MASK) == SKIPPABLE_MAGIC) {
      throw new CorruptObjectException(null, "skippable zstd frame where a data frame was expected");
    }
    if (magic != MAGIC) {
      throw new CorruptObjectException(null, String.format("not a zstd frame: magic number 0x%08x", magic));
    }
    int descriptor = src[off + 4] & 0xff;
    if ((descriptor & 0x08) != 0) {
      throw new CorruptObjectException(null, "corrupt zstd frame header: reserved bit set");
    }
    int sizeFlag = descriptor >>> 6;
    boolean singleSegment = (descriptor & 0x20) != 0;
    int dictIdBytes = (descriptor & 3) == 3 ? 4 : descriptor & 3;
    int sizeBytes = sizeFlag == 0 ? (singleSegment ? 1 : 0) : 1 << sizeFlag;
    if (sizeBytes == 0) {
      throw new CorruptObjectException(null, "zstd frame header does not record the decompressed size");
    }
    int pos = 5 + (singleSegment ? 0 : 1) + dictIdBytes;
    if (len < pos + sizeBytes) {
      throw new CorruptObjectException(
          null, "truncated zstd frame: " + len + " bytes, its header needs " + (pos + sizeBytes));
    }
    long size = 0;
    for (int i = sizeBytes - 1; i >= 0; i--) {
      size = size << 8 | (src[off + pos + i] & 0xff);
    }
    if (sizeBytes == 2) {
      size += 256;
    }
    if (size < 0) {
      throw new CorruptObjectException(null, "zstd frame declares " + Long.toUnsignedString(size) + " bytes");
    }
    return size;
  }
}
