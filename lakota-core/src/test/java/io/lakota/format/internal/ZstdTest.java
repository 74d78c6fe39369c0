package io.lakota.format.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.CorruptObjectException;
import io.lakota.testing.Fixtures;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The zstd codec (FORMAT.md §6.4) on its native and pure-Java paths. */
class ZstdTest {
  private static final long SEED = 0x25D_0001L;
  private static final HexFormat HEX = HexFormat.of();

  @AfterEach
  void nativeAgain() {
    Zstd.forcePureJava(false);
  }

  /** Text-like, compressible bytes. */
  private static byte[] sample(RandomGenerator rnd, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (rnd.nextInt(8) == 0 ? rnd.nextInt(256) : 'a' + rnd.nextInt(4));
    }
    return b;
  }

  @Test
  void nativeLibraryLoadsOnX8664Linux() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
      assertThat(Zstd.isNative()).as("zstd-jni loads on x86-64 Linux").isTrue();
    }
    Zstd.forcePureJava(true);
    assertThat(Zstd.isNative()).isFalse();
  }

  @Test
  void specExampleFrameDecodesAndIsReproducedAtLevelOne() {
    byte[] frame = HEX.parseHex("28b52ffd200949000093a162a33c55319101");
    byte[] payload = HEX.parseHex("93a162a33c55319101");
    assertThat(Zstd.contentSize(frame, 0, frame.length)).isEqualTo(9);
    assertThat(Zstd.decompress(frame, 0, frame.length, 9)).isEqualTo(payload);
    assertThat(Zstd.compress(payload, 0, payload.length, 1)).isEqualTo(frame);
    Zstd.forcePureJava(true);
    assertThat(Zstd.decompress(frame, 0, frame.length, 9)).isEqualTo(payload);
  }

  @Test
  void msgpackFixturesDecompressToTheirMsgpackBytes() {
    byte[] u = Fixtures.bytes("codec/msgpack2zstd_U.bin");
    byte[] msgpack = Zstd.decompress(u, 0, u.length, 1 << 20);
    assertThat(msgpack).hasSize(37);
    assertThat(HEX.formatHex(msgpack)).startsWith("96ab74656d7065726174757265").endsWith("a43c5531319104");
    Zstd.forcePureJava(true);
    assertThat(Zstd.decompress(u, 0, u.length, 1 << 20)).isEqualTo(msgpack);
  }

  @ParameterizedTest(name = "compress with pure Java: {0}")
  @ValueSource(booleans = {false, true})
  void bothPathsReadEachOthersFramesAndRecordTheContentSize(boolean pureCompress) {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    System.out.println("ZstdTest seed " + SEED);
    for (int n : new int[] {0, 1, 9, 255, 256, 257, 65_535, 65_792, 1 << 20}) {
      byte[] raw = sample(rnd, n);
      for (int level : new int[] {1, 3, 9, 19}) {
        Zstd.forcePureJava(pureCompress);
        byte[] frame = Zstd.compress(raw, 0, raw.length, level);
        int descriptor = frame[4] & 0xff;
        assertThat(descriptor >>> 6 != 0 || (descriptor & 0x20) != 0).as("content size flag").isTrue();
        assertThat(Zstd.contentSize(frame, 0, frame.length)).isEqualTo(n);
        for (boolean pureDecompress : new boolean[] {false, true}) {
          Zstd.forcePureJava(pureDecompress);
          assertThat(Zstd.decompress(frame, 0, frame.length, n)).as("%d bytes", n).isEqualTo(raw);
          byte[] dst = new byte[n + 10];
          assertThat(Zstd.decompress(frame, 0, frame.length, dst, 5, n)).isEqualTo(n);
          assertThat(Arrays.copyOfRange(dst, 5, 5 + n)).isEqualTo(raw);
        }
      }
    }
  }

  @Test
  void contentSizeFieldsOfEveryWidth() {
    // single segment, 1-byte size; 2-byte size (+256); 4-byte; 8-byte, each with a window byte where needed
    assertThat(Zstd.contentSize(HEX.parseHex("28b52ffd2007"), 0, 6)).isEqualTo(7);
    assertThat(Zstd.contentSize(HEX.parseHex("28b52ffd600100"), 0, 7)).isEqualTo(257);
    assertThat(Zstd.contentSize(HEX.parseHex("28b52ffd805801000000"), 0, 10)).isEqualTo(1);
    assertThat(Zstd.contentSize(HEX.parseHex("28b52ffdc0580000000001000000"), 0, 14)).isEqualTo(1L << 32);
    assertThat(Zstd.contentSize(HEX.parseHex("28b52ffd21ff07"), 0, 7)).as("1-byte dictionary id").isEqualTo(7);
    assertThatThrownBy(() -> Zstd.contentSize(HEX.parseHex("28b52ffdc0580000000001"), 0, 11))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: truncated zstd frame: 11 bytes, its header needs 14");
    byte[] fourGigs = HEX.parseHex("28b52ffdc0580000000001000000");
    assertThatThrownBy(() -> Zstd.decompress(fourGigs, 0, fourGigs.length, Long.MAX_VALUE))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: zstd frame declares 4294967296 decompressed bytes, more than the "
            + Long.MAX_VALUE + " expected");
  }

  @Test
  void framesWithoutContentSizeAreRejected() {
    // window byte 00, then a last raw block of 3 bytes "abc": valid zstd, but no content size
    byte[] frame = HEX.parseHex("28b52ffd0000190000616263");
    for (boolean pure : new boolean[] {false, true}) {
      Zstd.forcePureJava(pure);
      assertThatThrownBy(() -> Zstd.decompress(frame, 0, frame.length, 100))
          .isInstanceOf(CorruptObjectException.class)
          .hasMessage("Cannot decode: zstd frame header does not record the decompressed size");
    }
  }

  @Test
  void limitsAndExpectedLengthsAreEnforced() {
    byte[] raw = sample(RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 1), 1000);
    byte[] frame = Zstd.compress(raw, 0, raw.length, 1);
    assertThatThrownBy(() -> Zstd.decompress(frame, 0, frame.length, 999))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: zstd frame declares 1000 decompressed bytes, more than the 999 expected");
    assertThatThrownBy(() -> Zstd.decompress(frame, 0, frame.length, new byte[2000], 0, 1001))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: zstd frame declares 1000 decompressed bytes, expected 1001");
    byte[] notZstd = {1, 2, 3, 4, 5, 6, 7, 8};
    assertThatThrownBy(() -> Zstd.decompress(notZstd, 0, 8, 100))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: not a zstd frame: magic number 0x04030201");
    byte[] skippable = HEX.parseHex("502a4d180000000000");
    assertThatThrownBy(() -> Zstd.decompress(skippable, 0, skippable.length, 100))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: skippable zstd frame where a data frame was expected");
    byte[] trailing = Arrays.copyOf(frame, frame.length + 3);
    for (boolean pure : new boolean[] {false, true}) {
      Zstd.forcePureJava(pure);
      assertThatThrownBy(() -> Zstd.decompress(trailing, 0, trailing.length, 1000))
          .isInstanceOf(CorruptObjectException.class)
          .hasMessageStartingWith("Cannot decode: corrupt or truncated zstd frame (");
    }
  }

  @ParameterizedTest(name = "pure Java: {0}")
  @ValueSource(booleans = {false, true})
  void everyTruncationIsReported(boolean pure) {
    // every length of a one-block frame; a sample of lengths of a frame of three 128 KiB zstd blocks
    byte[] small = sample(RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 2), 8000);
    byte[] large = sample(RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 5), 300_000);
    Zstd.forcePureJava(pure);
    for (byte[] raw : new byte[][] {small, large}) {
      byte[] frame = Zstd.compress(raw, 0, raw.length, 3);
      int step = raw == small ? 1 : 97;
      for (int len = 0; len < frame.length; len += step) {
        int at = len;
        assertThatThrownBy(() -> Zstd.decompress(frame, 0, at, raw.length))
            .as("cut to %d of %d bytes", len, frame.length)
            .isInstanceOf(CorruptObjectException.class)
            .hasMessageStartingWith("Cannot decode: ")
            .hasMessageContaining(len < 6 ? "truncated zstd frame: " + len + " bytes" : "truncated zstd frame");
      }
    }
  }

  @ParameterizedTest(name = "pure Java: {0}")
  @ValueSource(booleans = {false, true})
  void singleByteCorruptionsNeverDecodeToAnotherLength(boolean pure) {
    byte[] raw = sample(RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 3), 5000);
    byte[] frame = Zstd.compress(raw, 0, raw.length, 3);
    Zstd.forcePureJava(pure);
    int reported = 0;
    for (int pos = 0; pos < frame.length; pos++) {
      for (int flip : new int[] {0x01, 0x80, 0xff}) {
        byte[] bad = frame.clone();
        bad[pos] ^= (byte) flip;
        try {
          byte[] out = Zstd.decompress(bad, 0, bad.length, 5000);
          assertThat(out.length).as("byte %d ^ 0x%x", pos, flip).isEqualTo(Zstd.contentSize(bad, 0, bad.length));
        } catch (CorruptObjectException e) {
          assertThat(e.getMessage()).startsWith("Cannot decode: ").hasSizeGreaterThan(30);
          reported++;
        }
      }
    }
    System.out.printf("zstd (pure %s): %d of %d corruptions reported%n", pure, reported, 3 * frame.length);
    assertThat(reported).isGreaterThanOrEqualTo(3 * 6);
  }

  @ParameterizedTest(name = "pure Java: {0}")
  @ValueSource(booleans = {false, true})
  void compressIntoReportsAFrameThatDoesNotFit(boolean pure) {
    Zstd.forcePureJava(pure);
    byte[] noise = new byte[4096];
    RandomGeneratorFactory.of("L64X128MixRandom").create(SEED + 4).nextBytes(noise);
    byte[] dst = new byte[8192];
    assertThat(Zstd.compressInto(noise, 0, noise.length, dst, 10, 4095, 3)).isEqualTo(-1);
    byte[] zeros = new byte[4096];
    int n = Zstd.compressInto(zeros, 0, zeros.length, dst, 10, 4095, 3);
    assertThat(n).isBetween(6, 40);
    assertThat(Zstd.decompress(dst, 10, n, 4096)).isEqualTo(zeros);
  }
}
