package io.lakota.format.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames written by {@link Blosc#encode} follow FORMAT.md's encoder rules and decode to their input. */
class BloscRoundTripTest {
  private static final long SEED = 20_260_122L;
  private static final int[] COUNTS = {
    0, 1, 7, 8, 15, 16, 17, 63, 64, 65, 127, 128, 1000, 1001, 32_767, 32_768, 32_769, 65_544, 100_003,
    262_144 / 8 * 2 + 5, 600_000
  };

  @AfterEach
  void nativeAgain() {
    Zstd.forcePureJava(false);
  }

  /** A compressible array of {@code n} elements of {@code typesize} bytes, as the column kinds produce. */
  static byte[] sample(RandomGenerator rnd, int n, int typesize) {
    switch (typesize) {
      case 8:
        double[] walk = new double[n];
        double v = 0;
        for (int i = 0; i < n; i++) {
          v += rnd.nextDouble() - 0.5;
          walk[i] = v;
        }
        return LittleEndian.toBytes(walk, 0, n);
      case 4:
        int[] ints = new int[n];
        for (int i = 0; i < n; i++) {
          ints[i] = 1000 + rnd.nextInt(50);
        }
        return LittleEndian.toBytes(ints, 0, n);
      case 1:
        byte[] bools = new byte[n];
        for (int i = 0; i < n; i++) {
          bools[i] = (byte) (rnd.nextInt(10) == 0 ? 1 : 0);
        }
        return bools;
      default: // <U3: three UTF-32LE code units from a small alphabet, or padding
        byte[] text = new byte[n * typesize];
        for (int i = 0; i < n * typesize; i += 4) {
          text[i] = (byte) (rnd.nextInt(4) == 0 ? 0 : 'a' + rnd.nextInt(6));
        }
        return text;
    }
  }

  @ParameterizedTest(name = "typesize {0}")
  @ValueSource(ints = {8, 4, 1, 12})
  void arraysOfEveryShapeRoundTripAndFollowTheEncoderRules(int typesize) {
    long seed = SEED + typesize;
    System.out.println("BloscRoundTripTest typesize " + typesize + " seed " + seed);
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int n : COUNTS) {
      byte[] raw = sample(rnd, n, typesize);
      byte[] frame = Blosc.encode(raw, 0, raw.length, typesize, Blosc.DEFAULT_LEVEL);
      checkRules(raw, typesize, frame);
      assertThat(Blosc.decode(frame, 0, frame.length, raw.length)).as("%d elements", n).isEqualTo(raw);
    }
  }

  /** Checks the header and, block by block, the shuffle and raw-or-zstd choice against the raw input. */
  static void checkRules(byte[] raw, int typesize, byte[] frame) {
    int len = raw.length;
    assertThat(frame[0]).isEqualTo((byte) 2);
    assertThat(frame[1]).isEqualTo((byte) 1);
    assertThat(frame[3] & 0xff).isEqualTo(typesize);
    assertThat(BloscFrame.int32(frame, 4)).isEqualTo(len);
    assertThat(BloscFrame.int32(frame, 12)).isEqualTo(frame.length);
    if (len < 128) {
      assertThat(frame[2]).as("flags of %d bytes", len).isEqualTo((byte) 0x96);
      assertThat(frame).hasSize(16 + len);
      return;
    }
    int blocksize = Math.min(len, 262_144) / typesize * typesize;
    assertThat(BloscFrame.int32(frame, 8)).isEqualTo(blocksize);
    if (frame[2] == (byte) 0x96) {
      assertThat(frame).hasSize(16 + len);
      assertThat(Arrays.copyOfRange(frame, 16, frame.length)).isEqualTo(raw);
      return;
    }
    assertThat(frame[2]).isEqualTo((byte) 0x94);
    assertThat(frame.length).isLessThanOrEqualTo(16 + len);
    int blocks = (len + blocksize - 1) / blocksize;
    int pos = 16 + 4 * blocks;
    for (int b = 0; b < blocks; b++) {
      assertThat(BloscFrame.int32(frame, 16 + 4 * b)).as("blocks are written in order").isEqualTo(pos);
      int bsize = Math.min(blocksize, len - b * blocksize);
      int csize = BloscFrame.int32(frame, pos);
      byte[] stream;
      if (csize == bsize) {
        stream = Arrays.copyOfRange(frame, pos + 4, pos + 4 + csize);
      } else {
        assertThat(csize).isLessThan(bsize);
        assertThat(Zstd.contentSize(frame, pos + 4, csize)).isEqualTo(bsize);
        stream = new byte[bsize];
        Zstd.decompress(frame, pos + 4, csize, stream, 0, bsize);
      }
      byte[] block = Arrays.copyOfRange(raw, b * blocksize, b * blocksize + bsize);
      if ((bsize / typesize) % 8 == 0) {
        byte[] shuffled = new byte[bsize];
        BitShuffle.shuffle(block, 0, bsize, typesize, shuffled, 0);
        assertThat(stream).as("block %d is bit-shuffled", b).isEqualTo(shuffled);
      } else {
        assertThat(stream).as("block %d of %d elements is stored unshuffled", b, bsize / typesize).isEqualTo(block);
      }
      pos += 4 + csize;
    }
    assertThat(pos).isEqualTo(frame.length);
  }

  @Test
  void smallArraysAreMemcpyedAndLargerOnesCompressed() {
    byte[] small = LittleEndian.toBytes(new long[] {1577836800L}, 0, 1);
    assertThat(Blosc.encode(small, 0, 8, 8, Blosc.DEFAULT_LEVEL)).isEqualTo(new byte[] {
      0x02, 0x01, (byte) 0x96, 0x08, 0x08, 0, 0, 0, 0x08, 0, 0, 0, 0x18, 0, 0, 0,
      0x00, (byte) 0xe1, 0x0b, 0x5e, 0, 0, 0, 0
    });
    byte[] justBelow = new byte[127];
    assertThat(Blosc.encode(justBelow, 0, 127, 1, Blosc.DEFAULT_LEVEL)[2]).isEqualTo((byte) 0x96);
    long[] ts = new long[16];
    for (int i = 0; i < 16; i++) {
      ts[i] = 1577836800L + i;
    }
    byte[] frame = Blosc.encode(LittleEndian.toBytes(ts, 0, 16), 0, 128, 8, Blosc.DEFAULT_LEVEL);
    assertThat(frame[2]).isEqualTo((byte) 0x94);
    assertThat(BloscFrame.int32(frame, 8)).isEqualTo(128);
    assertThat(LittleEndian.toLongs(Blosc.decode(frame, 0, frame.length, 128), 0, 16)).containsExactly(ts);
  }

  @Test
  void emptyInputIsAnEmptyMemcpyedFrame() {
    byte[] frame = Blosc.encode(new byte[0], 0, 0, 8, Blosc.DEFAULT_LEVEL);
    assertThat(frame).isEqualTo(new byte[] {2, 1, (byte) 0x96, 8, 0, 0, 0, 0, 1, 0, 0, 0, 16, 0, 0, 0});
    assertThat(Blosc.decode(frame, 0, frame.length, 0)).isEmpty();
  }

  @Test
  void incompressibleBytesGiveAMemcpyedFrameAndMixedDataRawBlocks() {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    byte[] noise = new byte[1000];
    rnd.nextBytes(noise);
    byte[] frame = Blosc.encode(noise, 0, noise.length, 1, Blosc.DEFAULT_LEVEL);
    assertThat(frame[2]).isEqualTo((byte) 0x96);
    assertThat(frame).hasSize(1016);
    assertThat(Blosc.decode(frame, 0, frame.length, 1000)).isEqualTo(noise);

    byte[] mixed = new byte[3 * 262_144];
    byte[] tail = new byte[262_144];
    rnd.nextBytes(tail);
    System.arraycopy(tail, 0, mixed, 262_144, tail.length);
    byte[] mixedFrame = Blosc.encode(mixed, 0, mixed.length, 1, Blosc.DEFAULT_LEVEL);
    assertThat(mixedFrame[2]).isEqualTo((byte) 0x94);
    int block1 = BloscFrame.int32(mixedFrame, 20);
    assertThat(BloscFrame.int32(mixedFrame, block1)).as("the noise block is stored raw").isEqualTo(262_144);
    checkRules(mixed, 1, mixedFrame);
    assertThat(Blosc.decode(mixedFrame, 0, mixedFrame.length, mixed.length)).isEqualTo(mixed);
  }

  @Test
  void typesizesThatDoNotDivideTheBlockOrExceedTheArray() {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 1);
    // 255-byte elements with 200 bytes: one unshuffled block of the whole array
    byte[] small = sample(rnd, 50, 4);
    byte[] frame = Blosc.encode(small, 0, 200, 255, Blosc.DEFAULT_LEVEL);
    assertThat(BloscFrame.int32(frame, 8)).isEqualTo(200);
    assertThat(Blosc.decode(frame, 0, frame.length, 200)).isEqualTo(small);
    // 12-byte elements: 262144 is not a multiple of 12, blocks are 262140 bytes
    byte[] text = sample(rnd, 50_000, 12);
    byte[] textFrame = Blosc.encode(text, 0, text.length, 12, Blosc.DEFAULT_LEVEL);
    assertThat(BloscFrame.int32(textFrame, 8)).isEqualTo(262_140);
    checkRules(text, 12, textFrame);
    // a length that is not a whole number of elements keeps its trailing bytes
    byte[] odd = Arrays.copyOf(sample(rnd, 10_000, 8), 80_005);
    byte[] oddFrame = Blosc.encode(odd, 0, odd.length, 8, Blosc.DEFAULT_LEVEL);
    assertThat(Blosc.decode(oddFrame, 0, oddFrame.length, odd.length)).isEqualTo(odd);
    // typesize above 255 is written as 1, as c-blosc does
    byte[] wide = Blosc.encode(text, 0, 1024, 1024, Blosc.DEFAULT_LEVEL);
    assertThat(wide[3]).isEqualTo((byte) 1);
    assertThat(Blosc.decode(wide, 0, wide.length, 1024)).isEqualTo(Arrays.copyOf(text, 1024));
    assertThatThrownBy(() -> Blosc.encode(text, 0, 10, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot encode blosc: typesize 0 is not positive");
  }

  @Test
  void encodesASliceOfALargerArray() {
    byte[] raw = sample(RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 2), 40_000, 8);
    byte[] frame = Blosc.encode(raw, 8 * 1000, 8 * 30_000, 8, Blosc.DEFAULT_LEVEL);
    assertThat(Blosc.decode(frame, 0, frame.length, 240_000)).isEqualTo(Arrays.copyOfRange(raw, 8000, 248_000));
    byte[] padded = new byte[frame.length + 10];
    System.arraycopy(frame, 0, padded, 7, frame.length);
    assertThat(Blosc.decode(padded, 7, frame.length, 240_000)).isEqualTo(Arrays.copyOfRange(raw, 8000, 248_000));
  }

  @Test
  void framesWrittenWithThePureJavaFallbackFollowTheSameRules() {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 3);
    byte[] raw = sample(rnd, 100_003, 8);
    byte[] nativeFrame = Blosc.encode(raw, 0, raw.length, 8, Blosc.DEFAULT_LEVEL);
    Zstd.forcePureJava(true);
    byte[] pureFrame = Blosc.encode(raw, 0, raw.length, 8, Blosc.DEFAULT_LEVEL);
    checkRules(raw, 8, pureFrame);
    assertThat(Blosc.decode(nativeFrame, 0, nativeFrame.length, raw.length)).isEqualTo(raw);
    Zstd.forcePureJava(false);
    assertThat(Blosc.decode(pureFrame, 0, pureFrame.length, raw.length)).isEqualTo(raw);
  }
}
