package io.lakota.query;

/**
 * numpy's summation of a double array (EXPRESSIONS.md §8.5), reproduced operation for operation so that sums and
 * means print the same digits as the reference: chunks of 8192 elements added to a running total, each chunk summed
 * pairwise with eight accumulators.
 */
final class Summation {
  private static final int CHUNK = 8192;

  private Summation() {}

  /** The sum of {@code a}, as {@code numpy.sum}. */
  static double sum(double[] a) {
    double total = 0.0;
    for (int off = 0; off < a.length; off += CHUNK) {
      total = total + pairwise(a, off, Math.min(CHUNK, a.length - off));
    }
    return total;
  }

  /** numpy's {@code pairwise_sum} of {@code a[off, off + n)}. */
  static double pairwise(double[] a, int off, int n) {
    if (n < 8) {
      double r = 0.0;
      for (int i = 0; i < n; i++) {
        r = r + a[off + i];
      }
      return r;
    }
    if (n <= 128) {
      double r0 = a[off];
      double r1 = a[off + 1];
      double r2 = a[off + 2];
      double r3 = a[off + 3];
      double r4 = a[off + 4];
      double r5 = a[off + 5];
      double r6 = a[off + 6];
      double r7 = a[off + 7];
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        r0 += a[off + i];
        r1 += a[off + i + 1];
        r2 += a[off + i + 2];
        r3 += a[off + i + 3];
        r4 += a[off + i + 4];
        r5 += a[off + i + 5];
        r6 += a[off + i + 6];
        r7 += a[off + i + 7];
      }
      double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        res += a[off + i];
      }
      return res;
    }
    int m = n / 2;
    m -= m % 8;
    return pairwise(a, off, m) + pairwise(a, off + m, n - m);
  }
}
