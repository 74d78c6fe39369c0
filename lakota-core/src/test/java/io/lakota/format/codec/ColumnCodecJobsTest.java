package io.lakota.format.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.CorruptObjectException;
import io.lakota.format.Columns;
import io.lakota.format.Dtype;
import io.lakota.format.internal.Blosc;
import io.lakota.id.Digests;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Column encodes and decodes split into block tasks ({@link ColumnCodec#encodeJob}, {@link ColumnCodec#decodeJob})
 * give exactly the frames and arrays of the one-piece codec, whatever the number of chunks and the task order.
 */
class ColumnCodecJobsTest {
  private static final long SEED = 20_261_122L;

  @Test
  void blockTasksWriteTheFramesOfTheOnePieceEncoder() {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    for (Dtype dtype : List.of(Dtype.FLOAT64, Dtype.INT64, Dtype.INT32, Dtype.FLOAT32, Dtype.INT16, Dtype.INT8)) {
      for (int n : new int[] {1, 15, 40_000, 300_001}) {
        Object array = array(dtype, n, rnd);
        ColumnCodec codec = ColumnCodec.of(dtype, List.of("blosc"));
        byte[] raw = RawArrays.toBytes(array, dtype);
        byte[] expected = Blosc.encode(raw, 0, raw.length, dtype.itemSize(), Blosc.DEFAULT_LEVEL);
        for (int chunks : new int[] {1, 3, 16}) {
          ColumnCodec.EncodeJob job = codec.encodeJob(array, chunks);
          List<Runnable> tasks = new java.util.ArrayList<>(job.tasks());
          Collections.reverse(tasks);
          tasks.forEach(Runnable::run);
          ColumnCodec.Encoded enc = job.result();
          assertThat(enc.bytes()).as("%s x %d in %d chunks", dtype, n, chunks).isEqualTo(expected);
          assertThat(enc.digest()).isEqualTo(Digests.sha1(raw));

          ColumnCodec.DecodeJob dec = codec.decodeJob(expected, 0, expected.length, n, enc.digest(), chunks);
          List<Runnable> dtasks = new java.util.ArrayList<>(dec.tasks());
          Collections.reverse(dtasks);
          dtasks.forEach(Runnable::run);
          assertThat(Columns.equal(dec.result(), array)).isTrue();
          // in order too
          ColumnCodec.DecodeJob inOrder = codec.decodeJob(expected, 0, expected.length, n, enc.digest(), chunks);
          inOrder.tasks().forEach(Runnable::run);
          assertThat(Columns.equal(inOrder.result(), array)).isTrue();
        }
      }
    }
  }

  @Test
  void blockTasksOfSeveralJobsOnSeveralThreadsCheckEachDigest() throws Exception {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    Object doubles = array(Dtype.FLOAT64, 1_000_000, rnd);
    Object longs = array(Dtype.INT64, 700_001, rnd);
    ColumnCodec f8 = ColumnCodec.of(Dtype.FLOAT64, List.of("blosc"));
    ColumnCodec i8 = ColumnCodec.of(Dtype.INT64, List.of("blosc"));
    byte[] frameF8 = f8.encode(doubles);
    byte[] frameI8 = i8.encode(longs);
    String digestF8 = Digests.sha1(RawArrays.toBytes(doubles, Dtype.FLOAT64));
    String digestI8 = Digests.sha1(RawArrays.toBytes(longs, Dtype.INT64));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 30; round++) {
        // two jobs built on this thread, their tasks interleaved and run by three threads that compute other digests
        ColumnCodec.DecodeJob a = f8.decodeJob(frameF8, 0, frameF8.length, 1_000_000, digestF8, 8);
        ColumnCodec.DecodeJob b = i8.decodeJob(frameI8, 0, frameI8.length, 700_001, digestI8, 5);
        java.util.concurrent.ConcurrentLinkedQueue<Runnable> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < Math.max(a.tasks().size(), b.tasks().size()); i++) {
          if (i < a.tasks().size()) {
            queue.add(a.tasks().get(i));
          }
          if (i < b.tasks().size()) {
            queue.add(b.tasks().get(i));
          }
        }
        List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
          futures.add(pool.submit(() -> {
            for (Runnable r; (r = queue.poll()) != null; ) {
              r.run();
              Digests.sha1(new byte[] {1, 2, 3}); // other digests on the same threads meanwhile
            }
          }));
        }
        Digests.sha1(new byte[] {4});
        for (java.util.concurrent.Future<?> f : futures) {
          f.get();
        }
        assertThat(Columns.equal(a.result(), doubles)).as("round %d", round).isTrue();
        assertThat(Columns.equal(b.result(), longs)).as("round %d", round).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void blockTasksCheckTheDigest() {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    Object array = array(Dtype.FLOAT64, 100_000, rnd);
    ColumnCodec codec = ColumnCodec.of(Dtype.FLOAT64, List.of("blosc"));
    byte[] frame = codec.encode(array);
    ColumnCodec.DecodeJob job = codec.decodeJob(frame, 0, frame.length, 100_000, Digests.EMPTY, 4);
    assertThatThrownBy(() -> job.tasks().forEach(Runnable::run)).isInstanceOf(CorruptObjectException.class)
        .hasMessageContaining("not to its digest " + Digests.EMPTY);
    // the digest is fed chunk by chunk in order, whatever order the chunks decode in
    ColumnCodec.DecodeJob reversed = codec.decodeJob(frame, 0, frame.length, 100_000, Digests.EMPTY, 4);
    List<Runnable> tasks = new java.util.ArrayList<>(reversed.tasks());
    Collections.reverse(tasks);
    assertThatThrownBy(() -> tasks.forEach(Runnable::run)).isInstanceOf(CorruptObjectException.class)
        .hasMessageContaining("not to its digest " + Digests.EMPTY);
    assertThatThrownBy(reversed::result).isInstanceOf(IllegalStateException.class);
  }

  private static Object array(Dtype dtype, int n, RandomGenerator rnd) {
    Object a = Columns.allocate(dtype, n);
    double walk = 0;
    for (int i = 0; i < n; i++) {
      walk += rnd.nextDouble() - 0.5;
      switch (dtype.storage()) {
        case DOUBLE:
          ((double[]) a)[i] = walk;
          break;
        case FLOAT:
          ((float[]) a)[i] = (float) walk;
          break;
        case LONG:
          ((long[]) a)[i] = 1_577_836_800L + i + (rnd.nextInt(50) == 0 ? 1 : 0);
          break;
        case INT:
          ((int[]) a)[i] = (int) (walk * 1000);
          break;
        case SHORT:
          ((short[]) a)[i] = (short) (walk * 10);
          break;
        default:
          ((byte[]) a)[i] = (byte) rnd.nextInt(4);
      }
    }
    return a;
  }
}
