package io.lakota.cli.bench;

/**
 * The standard benchmark data, identical in every implementation: row {@code i} has timestamp
 * {@code 1577836800 + i} and a random-walk value driven by a 64-bit LCG (x = 42; x ← x·6364136223846793005 +
 * 1442695040888963407 mod 2^64; u = (x >>> 11) / 2^53; value_i = value_{i-1} + (u − 0.5)).
 */
public final class BenchData {
  /** 2020-01-01T00:00:00 in epoch seconds. */
  public static final long T0 = 1577836800L;

  private BenchData() {}

  /** Timestamps of rows {@code 0 … rows-1}. */
  public static long[] timestamps(int rows) {
    long[] t = new long[rows];
    for (int i = 0; i < rows; i++) {
      t[i] = T0 + i;
    }
    return t;
  }

  /** Values of rows {@code 0 … rows-1}, summed sequentially in double precision. */
  public static double[] values(int rows) {
    double[] v = new double[rows];
    long x = 42;
    double value = 0;
    for (int i = 0; i < rows; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      double u = (x >>> 11) / 9007199254740992.0;
      value += u - 0.5;
      v[i] = value;
    }
    return v;
  }
}
