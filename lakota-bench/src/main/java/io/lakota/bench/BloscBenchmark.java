package io.lakota.bench;

import io.lakota.format.internal.Blosc;
import io.lakota.format.internal.LittleEndian;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Blosc encode and decode throughput on the two column shapes that dominate Lakota data: 1 M float64 values of a
 * random walk and 1 M timestamps at a 1 s cadence. Scores are bytes of raw array per microsecond, i.e. MB/s
 * (10^6 bytes per second) of uncompressed data. {@code main} prints the compressed sizes per zstd level.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BloscBenchmark {
  static final int N = 1_000_000;
  static final int RAW_BYTES = 8 * N;

  /** zstd level inside blosc blocks for the encode benchmarks. */
  @Param({"3"})
  public int level;

  private byte[] walk;
  private byte[] timestamps;
  private byte[] walkFrame;
  private byte[] timestampFrame;

  /** The random walk of the spec: a 64-bit LCG from 42, steps uniform in [-0.5, 0.5). */
  static double[] randomWalk(int n) {
    double[] v = new double[n];
    long x = 42;
    double value = 0;
    for (int i = 0; i < n; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      double u = (x >>> 11) / 0x1p53;
      value += u - 0.5;
      v[i] = value;
    }
    return v;
  }

  /** Seconds from 2020-01-01T00:00:00, one per second. */
  static long[] seconds(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1577836800L + i;
    }
    return t;
  }

  @Setup(Level.Trial)
  public void setUp() {
    walk = LittleEndian.toBytes(randomWalk(N), 0, N);
    timestamps = LittleEndian.toBytes(seconds(N), 0, N);
    walkFrame = Blosc.encode(walk, 0, walk.length, 8, level);
    timestampFrame = Blosc.encode(timestamps, 0, timestamps.length, 8, level);
  }

  @Benchmark
  @OperationsPerInvocation(RAW_BYTES)
  public byte[] decodeRandomWalk() {
    return Blosc.decode(walkFrame, 0, walkFrame.length, RAW_BYTES);
  }

  @Benchmark
  @OperationsPerInvocation(RAW_BYTES)
  public byte[] decodeTimestamps() {
    return Blosc.decode(timestampFrame, 0, timestampFrame.length, RAW_BYTES);
  }

  @Benchmark
  @OperationsPerInvocation(RAW_BYTES)
  public byte[] encodeRandomWalk() {
    return Blosc.encode(walk, 0, walk.length, 8, level);
  }

  @Benchmark
  @OperationsPerInvocation(RAW_BYTES)
  public byte[] encodeTimestamps() {
    return Blosc.encode(timestamps, 0, timestamps.length, 8, level);
  }

  /** Prints the frame sizes of both arrays at zstd levels 1 to 9. */
  public static void main(String[] args) {
    byte[] walk = LittleEndian.toBytes(randomWalk(N), 0, N);
    byte[] timestamps = LittleEndian.toBytes(seconds(N), 0, N);
    System.out.println("level  random-walk bytes  timestamp bytes  (raw " + RAW_BYTES + " each)");
    for (int level = 1; level <= 9; level++) {
      int w = Blosc.encode(walk, 0, walk.length, 8, level).length;
      int t = Blosc.encode(timestamps, 0, timestamps.length, 8, level).length;
      System.out.printf("%5d  %17d  %15d%n", level, w, t);
    }
  }
}
