package io.lakota.format.internal;

/**
 * The byte-unshuffle filter of c-blosc 1.x, needed only to read legacy frames (flags {@code 0x21}, FORMAT.md §6.2):
 * {@code out[i*typesize + j] = in[j*n + i]}, trailing {@code len % typesize} bytes copied unchanged. Stateless.
 */
final class ByteShuffle {
  private ByteShuffle() {}

  /** Unshuffles {@code src[srcOff, srcOff+len)} into {@code dst[dstOff, dstOff+len)}. */
  static void unshuffle(byte[] src, int srcOff, int len, int typesize, byte[] dst, int dstOff) {
    int n = len / typesize;
    for (int j = 0; j < typesize; j++) {
      int in = srcOff + j * n;
      int out = dstOff + j;
      for (int i = 0; i < n; i++) {
        dst[out + i * typesize] = src[in + i];
      }
    }
    int body = n * typesize;
    System.arraycopy(src, srcOff + body, dst, dstOff + body, len - body);
  }
}
