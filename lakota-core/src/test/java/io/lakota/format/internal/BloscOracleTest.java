package io.lakota.format.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.scalableminds.bloscjava.Blosc.Compressor;
import com.scalableminds.bloscjava.Blosc.Shuffle;
import io.lakota.errors.CorruptObjectException;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks our codec with real c-blosc 1.21.4 (JNI, {@code com.scalableminds:blosc-java}): c-blosc reads our
 * frames, and we read c-blosc's own frames of every compressor, shuffle, typesize and block layout Lakota meets.
 */
class BloscOracleTest {
  private static final long SEED = 0xB105C_0AC1EL;

  @BeforeAll
  static void oracleLoads() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    try {
      com.scalableminds.bloscjava.Blosc.decompress(Blosc.encode(new byte[8], 0, 8, 8, 1));
    } catch (LinkageError | RuntimeException e) {
      if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
        fail("c-blosc JNI oracle (blosc-java 0.1-1.21.4) does not load on x86-64 Linux, where it must: " + e, e);
      }
      Assumptions.abort("c-blosc JNI oracle has no native library for " + os + "/" + arch + ": " + e);
    }
  }

  private static byte[] cblosc(byte[] raw, int typesize, Compressor c, Shuffle s, int blocksize, int threads) {
    return com.scalableminds.bloscjava.Blosc.compress(raw, typesize, c, 5, s, blocksize, threads);
  }

  @Test
  void cBloscDecompressesOurFrames() {
    System.out.println("BloscOracleTest seed " + SEED);
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    int[] counts = {0, 1, 15, 16, 100, 1000, 1001, 32_768, 32_769, 100_003, 262_144 / 8 * 3 + 7};
    for (int typesize : new int[] {8, 4, 1, 12}) {
      for (int n : counts) {
        byte[] raw = BloscRoundTripTest.sample(rnd, n, typesize);
        for (int level : new int[] {1, Blosc.DEFAULT_LEVEL, 9}) {
          byte[] ours = Blosc.encode(raw, 0, raw.length, typesize, level);
          assertThat(com.scalableminds.bloscjava.Blosc.decompress(ours))
              .as("c-blosc on typesize %d, %d elements, level %d", typesize, n, level).isEqualTo(raw);
        }
      }
    }
    byte[] noise = new byte[300_000];
    rnd.nextBytes(noise);
    byte[] memcpyed = Blosc.encode(noise, 0, noise.length, 8, Blosc.DEFAULT_LEVEL);
    assertThat(memcpyed[2]).isEqualTo((byte) 0x96);
    assertThat(com.scalableminds.bloscjava.Blosc.decompress(memcpyed)).isEqualTo(noise);
    byte[] partlyRaw = Arrays.copyOf(noise, 600_000);
    byte[] rawBlocks = Blosc.encode(partlyRaw, 0, partlyRaw.length, 8, Blosc.DEFAULT_LEVEL);
    assertThat(rawBlocks[2]).isEqualTo((byte) 0x94);
    assertThat(com.scalableminds.bloscjava.Blosc.decompress(rawBlocks)).isEqualTo(partlyRaw);
    byte[] odd = Arrays.copyOf(BloscRoundTripTest.sample(rnd, 10_000, 8), 80_005);
    byte[] oddFrame = Blosc.encode(odd, 0, odd.length, 8, Blosc.DEFAULT_LEVEL);
    assertThat(com.scalableminds.bloscjava.Blosc.decompress(oddFrame)).isEqualTo(odd);
  }

  @Test
  void weDecodeCBloscFramesOfEveryLayout() {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 1);
    Compressor[] compressors = {Compressor.ZSTD, Compressor.LZ4};
    int[] blocksizes = {0, 4096, 8000, 65_536};
    int frames = 0;
    int split = 0;
    int outOfOrder = 0;
    for (int typesize : new int[] {1, 2, 4, 8, 12, 16, 24}) {
      for (int n : new int[] {1, 20, 1000, 1001, 33_333, 50_003}) {
        byte[] raw = BloscRoundTripTest.sample(rnd, n, typesize == 12 || typesize == 24 ? 12 : typesize);
        raw = Arrays.copyOf(raw, n * typesize);
        for (Compressor c : compressors) {
          for (Shuffle s : Shuffle.values()) {
            for (int blocksize : blocksizes) {
              for (int threads : new int[] {1, 2}) {
                byte[] frame = cblosc(raw, typesize, c, s, blocksize, threads);
                String what = String.format("%s %s typesize %d, %d elements, blocksize %d, %d threads", c, s,
                    typesize, n, blocksize, threads);
                BloscFrame parsed = BloscFrame.parse(frame, 0, frame.length, raw.length);
                assertThat(parsed.decode()).as(what).isEqualTo(raw);
                frames++;
                if (!parsed.isMemcpyed() && (parsed.flags() & 0x10) == 0) {
                  split++;
                }
                if (!parsed.isMemcpyed() && !blocksInOrder(frame, parsed.blockCount())) {
                  outOfOrder++;
                }
              }
            }
          }
        }
      }
    }
    System.out.printf("decoded %d c-blosc frames: %d split, %d with blocks out of order%n", frames, split, outOfOrder);
    assertThat(split).as("split streams were exercised").isPositive();
  }

  private static boolean blocksInOrder(byte[] frame, int blocks) {
    for (int b = 1; b < blocks; b++) {
      if (BloscFrame.int32(frame, 16 + 4 * b) < BloscFrame.int32(frame, 12 + 4 * b)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void ourBitShuffleIsCBloscs() {
    // compare the zstd streams (shuffled, not yet compressed bytes) of c-blosc's blocks with our shuffle
    byte[] raw = BloscRoundTripTest.sample(RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 2),
        100_003, 8);
    byte[] frame = cblosc(raw, 8, Compressor.ZSTD, Shuffle.BIT_SHUFFLE, 0, 1);
    BloscFrame parsed = BloscFrame.parse(frame, 0, frame.length, raw.length);
    assertThat(parsed.flags()).isEqualTo(0x94);
    assertThat(parsed.blockCount()).isEqualTo(4);
    for (int b = 0; b < parsed.blockCount(); b++) {
      int start = BloscFrame.int32(frame, 16 + 4 * b);
      int csize = BloscFrame.int32(frame, start);
      int bsize = parsed.blockLength(b);
      byte[] stream = new byte[bsize];
      Zstd.decompress(frame, start + 4, csize, stream, 0, bsize);
      byte[] block = Arrays.copyOfRange(raw, b * parsed.blocksize(), b * parsed.blocksize() + bsize);
      byte[] expected = block;
      if (BitShuffle.appliesTo(bsize, 8)) {
        expected = new byte[bsize];
        BitShuffle.shuffle(block, 0, bsize, 8, expected, 0);
      }
      assertThat(stream).as("block %d (%d bytes)", b, bsize).isEqualTo(expected);
    }
  }

  @Test
  void otherCompressorsAreRejectedByName() {
    byte[] raw = BloscRoundTripTest.sample(RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 3), 5000, 8);
    byte[] blosclz = cblosc(raw, 8, Compressor.BLOSCLZ, Shuffle.BYTE_SHUFFLE, 0, 1);
    assertThatThrownBy(() -> Blosc.decode(blosclz, 0, blosclz.length, raw.length))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: unsupported blosc compressor blosclz (Lakota frames use zstd or lz4)");
    byte[] zlib = cblosc(raw, 8, Compressor.ZLIB, Shuffle.BIT_SHUFFLE, 0, 1);
    assertThatThrownBy(() -> Blosc.decode(zlib, 0, zlib.length, raw.length))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: unsupported blosc compressor zlib (Lakota frames use zstd or lz4)");
  }
}
