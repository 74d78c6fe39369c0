package io.lakota.bench;

import io.lakota.format.Closed;
import io.lakota.format.Schema;
import io.lakota.format.codec.ColumnCodec;
import io.lakota.version.Commit;
import io.lakota.version.CommitCodec;
import io.lakota.version.CommitEncoding;
import io.lakota.version.CommitRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commit payload encode and decode (FORMAT.md §5.2) and the update of a commit by one write, on the commit W4 ends
 * with: {@code rows} one-row writes spread over 100 series of schema {@code timestamp timestamp*, value float},
 * each row's two arrays embedded in the commit. Scores are microseconds per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CommitBenchmark {
  static final Schema SCHEMA = Schema.parse("timestamp timestamp*", "value float");

  /** Number of one-row writes in the commit. */
  @Param({"1000"})
  public int rows;

  private Commit commit;
  private byte[] payload;
  private CommitRow nextRow;
  private Map<String, byte[]> nextEmbedded;
  private CommitEncoding encoding;

  @Setup(Level.Trial)
  public void setUp() {
    Commit c = Commit.empty(SCHEMA);
    for (int i = 0; i < rows; i++) {
      Map<String, byte[]> embedded = new LinkedHashMap<>();
      CommitRow row = row(i, embedded);
      c = c.update(row, embedded);
    }
    commit = c;
    encoding = CommitCodec.encode(c, null);
    payload = encoding.payload();
    nextEmbedded = new LinkedHashMap<>();
    nextRow = row(rows, nextEmbedded);
  }

  /** The row of write {@code i} of W4: series {@code s<i mod 100>}, one row {@code (1577836800 + i, i)}. */
  static CommitRow row(int i, Map<String, byte[]> embedded) {
    long t = 1577836800L + i;
    ColumnCodec.Encoded ts = ColumnCodec.of(SCHEMA.column("timestamp")).encodeWithDigest(new long[] {t});
    ColumnCodec.Encoded v = ColumnCodec.of(SCHEMA.column("value")).encodeWithDigest(new double[] {i});
    embedded.put(ts.digest(), ts.bytes());
    embedded.put(v.digest(), v.bytes());
    return new CommitRow("s" + (i % 100), new Object[] {t}, new Object[] {t},
        new String[] {ts.digest(), v.digest()}, 1, Closed.BOTH);
  }

  @Benchmark
  public byte[] encode() {
    return CommitCodec.encode(commit);
  }

  @Benchmark
  public Commit decode() {
    return CommitCodec.decode(SCHEMA, payload, "bench");
  }

  @Benchmark
  public Commit update() {
    return commit.update(nextRow, nextEmbedded);
  }

  /** A W4 commit step without the storage: update by one write, then encode the new payload. */
  @Benchmark
  public byte[] updateAndEncode() {
    return CommitCodec.encode(commit.update(nextRow, nextEmbedded));
  }

  /**
   * The same step as a writer takes it: the new payload assembled from the pieces of the previous commit's
   * encoding ({@link CommitEncoding}), which shares all rows but the new one.
   */
  @Benchmark
  public byte[] updateAndEncodeFromPrevious() {
    return CommitCodec.encode(commit.update(nextRow, nextEmbedded), encoding).payload();
  }
}
