package io.lakota.format.internal;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.util.Native;
import io.lakota.errors.CorruptObjectException;
import java.util.Arrays;

/** The zstd-jni backend of {@link Zstd}. Contexts are reused per thread: creating one costs more than a block. */
final class ZstdNative implements ZstdBackend {
  private static final ThreadLocal<Compressor> COMPRESSORS = ThreadLocal.withInitial(Compressor::new);
  private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSORS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private final long dstTooSmall;

  private ZstdNative() {
    // also the first native call: a library that loads but cannot link fails here, inside Zstd's catch
    dstTooSmall = com.github.luben.zstd.Zstd.errDstSizeTooSmall();
  }

  /** The backend, or an {@link UnsatisfiedLinkError} (or another linkage error) when the library cannot load. */
  static ZstdBackend load() {
    Native.load();
    return new ZstdNative();
  }

  @Override
  public byte[] compress(byte[] src, int off, int len, int level) {
    int bound = (int) Math.min(Zstd.MAX_ARRAY, com.github.luben.zstd.Zstd.compressBound(len));
    byte[] dst = new byte[bound];
    int n = compressInto(src, off, len, dst, 0, bound, level);
    if (n < 0) {
      throw new IllegalArgumentException("Cannot compress: " + len + " bytes exceed zstd's largest frame");
    }
    return Arrays.copyOf(dst, n);
  }

  @Override
  public int compressInto(byte[] src, int off, int len, byte[] dst, int dstOff, int dstCapacity, int level) {
    ZstdCompressCtx ctx = COMPRESSORS.get().at(level);
    try {
      return ctx.compressByteArray(dst, dstOff, dstCapacity, src, off, len);
    } catch (ZstdException e) {
      if (e.getErrorCode() == dstTooSmall) {
        return -1;
      }
      throw new IllegalArgumentException("Cannot compress with zstd level " + level + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int dstCapacity) {
    try {
      return DECOMPRESSORS.get().decompressByteArray(dst, dstOff, dstCapacity, src, off, len);
    } catch (ZstdException e) {
      throw new CorruptObjectException(null, "corrupt or truncated zstd frame (" + e.getMessage() + ")", e);
    }
  }

  /** A compression context that remembers its level, so that the per-call level costs nothing when unchanged. */
  private static final class Compressor {
    private final ZstdCompressCtx ctx = new ZstdCompressCtx().setContentSize(true).setChecksum(false);
    private int level = Integer.MIN_VALUE;

    ZstdCompressCtx at(int newLevel) {
      if (newLevel != level) {
        ctx.setLevel(newLevel);
        level = newLevel;
      }
      return ctx;
    }
  }
}
