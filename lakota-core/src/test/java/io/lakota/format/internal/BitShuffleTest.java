package io.lakota.format.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** The word-level bit-shuffle against a per-bit restatement of FORMAT.md §6.2. */
class BitShuffleTest {
  private static final long SEED = 0x5EED_B175L;

  /** FORMAT.md: plane p holds bit p%8 of byte p/8 of element i at byte p*(n/8) + i/8, bit i%8. */
  private static byte[] naiveShuffle(byte[] in, int typesize) {
    int n = in.length / typesize;
    byte[] out = new byte[in.length];
    for (int p = 0; p < 8 * typesize; p++) {
      for (int i = 0; i < n; i++) {
        int bit = (in[i * typesize + p / 8] >>> (p % 8)) & 1;
        out[p * (n / 8) + i / 8] |= (byte) (bit << (i % 8));
      }
    }
    System.arraycopy(in, n * typesize, out, n * typesize, in.length - n * typesize);
    return out;
  }

  @Test
  void matchesThePerBitDefinitionForEveryTypesizeAndLength() {
    System.out.println("BitShuffleTest seed " + SEED);
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    int[] typesizes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 64, 100, 255};
    int[] counts = {8, 16, 56, 64, 72, 120, 128, 136, 512, 1000, 1024, 4096 + 8, 64 * 70 + 24, 64 * 129};
    for (int ts : typesizes) {
      for (int n : counts) {
        for (int trailing : new int[] {0, ts - 1}) {
          byte[] raw = new byte[n * ts + trailing];
          rnd.nextBytes(raw);
          byte[] expected = naiveShuffle(raw, ts);
          byte[] shuffled = new byte[raw.length + 7];
          BitShuffle.shuffle(raw, 0, raw.length, ts, shuffled, 3);
          byte[] body = java.util.Arrays.copyOfRange(shuffled, 3, 3 + raw.length);
          assertThat(body).as("shuffle typesize %d, %d elements, %d trailing", ts, n, trailing).isEqualTo(expected);
          byte[] back = new byte[raw.length + 5];
          BitShuffle.unshuffle(shuffled, 3, raw.length, ts, back, 5);
          assertThat(java.util.Arrays.copyOfRange(back, 5, 5 + raw.length))
              .as("unshuffle typesize %d, %d elements", ts, n).isEqualTo(raw);
        }
      }
    }
  }

  @Test
  void knownPlaneLayoutForEightInt64() {
    // elements 1..8: bit 0 is set in elements 1,3,5,7 (indices 0,2,4,6) -> plane 0 byte = 0b01010101
    byte[] raw = LittleEndian.toBytes(new long[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 8);
    byte[] out = new byte[64];
    BitShuffle.shuffle(raw, 0, 64, 8, out, 0);
    assertThat(out[0]).isEqualTo((byte) 0x55); // bit 0
    assertThat(out[1]).isEqualTo((byte) 0x66); // bit 1: 2,3,6,7
    assertThat(out[2]).isEqualTo((byte) 0x78); // bit 2: 4,5,6,7
    assertThat(out[3]).isEqualTo((byte) 0x80); // bit 3: 8
    for (int p = 4; p < 64; p++) {
      assertThat(out[p]).as("plane %d", p).isZero();
    }
  }

  @Test
  void appliesOnlyToWholeGroupsOfEightElements() {
    assertThat(BitShuffle.appliesTo(8000, 8)).isTrue();
    assertThat(BitShuffle.appliesTo(8008, 8)).isFalse();
    assertThat(BitShuffle.appliesTo(13592, 8)).isFalse();
    assertThat(BitShuffle.appliesTo(100, 200)).isFalse();
    assertThat(BitShuffle.appliesTo(8 * 12 + 5, 12)).isTrue();
  }
}
