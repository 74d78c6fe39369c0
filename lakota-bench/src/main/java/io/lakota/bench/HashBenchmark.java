package io.lakota.bench;

import io.lakota.format.Dtype;
import io.lakota.format.codec.BloscColumns;
import io.lakota.format.internal.LittleEndian;
import io.lakota.id.Digests;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Digest throughput (FORMAT.md §7: the SHA-1 of a column's raw little-endian bytes names its data file) on 1 M
 * float64 of the random walk: over a byte array, and straight from the {@code double[]} in 64 K-element pieces as
 * the block-task encoder does. Scores are MB/s of raw bytes (ops/µs with 8 000 000 ops per call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HashBenchmark {
  private double[] walk;
  private byte[] raw;

  @Setup(Level.Trial)
  public void setUp() {
    walk = BloscBenchmark.randomWalk(BloscBenchmark.N);
    raw = LittleEndian.toBytes(walk, 0, walk.length);
  }

  @Benchmark
  @OperationsPerInvocation(BloscBenchmark.RAW_BYTES)
  public String sha1Bytes() {
    return Digests.sha1(raw);
  }

  @Benchmark
  @OperationsPerInvocation(BloscBenchmark.RAW_BYTES)
  public String sha1Doubles() {
    MessageDigest md = Digests.sha1Engine();
    BloscColumns.hash(md, walk, Dtype.FLOAT64, 0, walk.length);
    return Digests.hex(md.digest());
  }
}
