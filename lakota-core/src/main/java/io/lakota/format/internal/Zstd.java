package io.lakota.format.internal;

import io.lakota.errors.CorruptObjectException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-shot zstd frames as the reference writes and reads them (FORMAT.md §6.4): one frame per value, with the
 * decompressed size recorded in the frame header.
 *
 * <p>Uses the native zstd-jni library when it loads, else aircompressor's pure-Java zstd (whose compression level is
 * fixed at about 3; every frame either writes is readable by both). Thread-safe: native contexts are kept per thread.
 * Every decoding failure is a {@link CorruptObjectException} without a location; callers attach the path.
 */
public final class Zstd {
  /** Largest array the decoder will ever allocate, whatever {@code maxBytes} says. */
  public static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  /**
   * The bytes a process decodes in pure Java before it loads the native library: loading it (extracting it to the
   * temporary folder, linking) costs more than a short command's whole read of small registry and commit frames,
   * while large reads soon pass this budget and decode natively (about ten times faster on blosc blocks).
   */
  static final long PURE_DECODE_BUDGET = 1 << 20;

  private static final AtomicLong PURE_DECODED = new AtomicLong();
  private static volatile boolean nativeTried;

  private static final ZstdBackend PURE = new ZstdPure();
  private static volatile boolean forcePure;

  /** Loads the native library on first use (class initialisation is lazy and thread-safe). */
  private static final class NativeHolder {
    static final ZstdBackend NATIVE = loadNative();

    static {
      nativeTried = true;
    }
  }

  private Zstd() {}

  /**
   * Compresses {@code src[off, off+len)} into one zstd frame that records its content size.
   *
   * @param level zstd compression level (1 is the reference's default for the {@code zstd} codec); ignored by the
   *     pure-Java fallback
   */
  public static byte[] compress(byte[] src, int off, int len, int level) {
    Objects.checkFromIndexSize(off, len, src.length);
    return backend().compress(src, off, len, level);
  }

  /**
   * Decompresses one zstd frame whose header records the content size.
   *
   * @param maxBytes the largest decoded size the caller accepts; checked before anything is allocated
   * @throws CorruptObjectException if the frame has no content size, declares more than {@code maxBytes}, or is
   *     corrupt or truncated
   */
  public static byte[] decompress(byte[] src, int off, int len, long maxBytes) {
    Objects.checkFromIndexSize(off, len, src.length);
    long size = contentSize(src, off, len);
    if (size > maxBytes || size > MAX_ARRAY) {
      throw new CorruptObjectException(
          null, "zstd frame declares " + size + " decompressed bytes, more than the " + maxBytes + " expected");
    }
    byte[] out = new byte[(int) size];
    int produced = decoder(size).decompress(src, off, len, out, 0, out.length);
    checkProduced(produced, out.length);
    return out;
  }

  /**
   * Decompresses one zstd frame into {@code dst[dstOff, dstOff+expectedLen)}.
   *
   * @return the number of bytes produced, always {@code expectedLen}
   * @throws CorruptObjectException if the frame does not decode to exactly {@code expectedLen} bytes
   */
  public static int decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int expectedLen) {
    Objects.checkFromIndexSize(off, len, src.length);
    Objects.checkFromIndexSize(dstOff, expectedLen, dst.length);
    long size = contentSize(src, off, len);
    if (size != expectedLen) {
      throw new CorruptObjectException(
          null, "zstd frame declares " + size + " decompressed bytes, expected " + expectedLen);
    }
    int produced = decoder(size).decompress(src, off, len, dst, dstOff, expectedLen);
    checkProduced(produced, expectedLen);
    return produced;
  }

  /**
   * The content size recorded in the header of the zstd frame at {@code src[off, off+len)}.
   *
   * @throws CorruptObjectException if the bytes do not start with a zstd frame header recording the content size
   */
  public static long contentSize(byte[] src, int off, int len) {
    return ZstdFrameHeader.contentSize(src, off, len);
  }

  /** Whether the native zstd-jni library is in use (false when it could not load or the fallback is forced). */
  public static boolean isNative() {
    return !forcePure && NativeHolder.NATIVE != null;
  }

  /**
   * Compresses into {@code dst[dstOff, dstOff+dstCapacity)}, for writers that store the block raw when it does not
   * shrink.
   *
   * @return the frame length, or -1 when the frame would not fit in {@code dstCapacity} bytes
   */
  public static int compressInto(byte[] src, int off, int len, byte[] dst, int dstOff, int dstCapacity, int level) {
    return backend().compressInto(src, off, len, dst, dstOff, dstCapacity, level);
  }

  /** Forces the pure-Java fallback (tests only: proves both paths read each other's frames). */
  static void forcePureJava(boolean force) {
    forcePure = force;
  }

  /** The compressing backend: native when it loads (any level), else pure Java. */
  private static ZstdBackend backend() {
    if (forcePure) {
      return PURE;
    }
    ZstdBackend n = NativeHolder.NATIVE;
    return n == null ? PURE : n;
  }

  /** The decoding backend for a frame of {@code size} decoded bytes: both decode every frame identically. */
  private static ZstdBackend decoder(long size) {
    if (!forcePure && !nativeTried && PURE_DECODED.addAndGet(size) <= PURE_DECODE_BUDGET) {
      return PURE;
    }
    return backend();
  }

  private static void checkProduced(int produced, int expected) {
    if (produced != expected) {
      throw new CorruptObjectException(
          null, "zstd frame decoded to " + produced + " bytes, its header declares " + expected);
    }
  }

  private static ZstdBackend loadNative() {
    try {
      return ZstdNative.load();
    } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError | SecurityException e) {
      // Locked-down tmp folders and unlisted platforms: pure Java is slower but reads and writes the same frames.
      System.getLogger(Zstd.class.getName())
          .log(Level.WARNING, "zstd-jni cannot load, using the pure-Java zstd codec: " + e);
      return null;
    }
  }
}
