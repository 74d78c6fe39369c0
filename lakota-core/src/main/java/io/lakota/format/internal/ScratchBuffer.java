package io.lakota.format.internal;

/**
 * A per-thread reusable byte array for block-sized intermediate results (shuffled or not yet unshuffled blocks), so
 * that encoding and decoding allocate nothing per block. Arrays above {@link #MAX_KEPT} bytes are handed out but not
 * kept, so one odd frame cannot pin a large array to a thread.
 */
public final class ScratchBuffer {
  static final int MAX_KEPT = 4 << 20;

  private final ThreadLocal<byte[]> buffers = new ThreadLocal<>();

  /** An array of at least {@code size} bytes, with unspecified content; valid until this thread's next call. */
  public byte[] take(int size) {
    byte[] b = buffers.get();
    if (b != null && b.length >= size) {
      return b;
    }
    b = new byte[size];
    if (size <= MAX_KEPT) {
      buffers.set(b);
    }
    return b;
  }
}
