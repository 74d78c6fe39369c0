package io.lakota.format.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lakota.errors.CorruptObjectException;
import io.lakota.testing.Fixtures;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed, truncated and corrupted frames fail with a {@link CorruptObjectException} that says what is wrong;
 * never with an index, size or memory error, and never by decoding to a length other than the header's.
 */
class BloscCorruptionTest {
  private static final String[] FRAMES = {
    "codec/blosc_f8_1000.bin", "codec/blosc_f8_1001.bin", "codec/blosc_M8s_100000.bin",
    "codec/blosc_i8_100003.bin", "codec/blosc_i8_3.bin", "codec/legacy_blosc_lz4_shuffle_f8_1000.bin"
  };

  @AfterEach
  void nativeAgain() {
    Zstd.forcePureJava(false);
  }

  private static byte[] f81000() {
    return Fixtures.bytes("codec/blosc_f8_1000.bin");
  }

  private static void putInt(byte[] b, int pos, long v) {
    for (int i = 0; i < 4; i++) {
      b[pos + i] = (byte) (v >>> (8 * i));
    }
  }

  /** The decoded bytes, or null when the decoder reported corruption. */
  private static byte[] decodeOrCorrupt(byte[] frame, int len, long maxBytes) {
    try {
      return Blosc.decode(frame, 0, len, maxBytes);
    } catch (CorruptObjectException e) {
      assertThat(e.getMessage()).startsWith("Cannot decode: ").hasSizeGreaterThan(30);
      assertThat(e.location()).isNull();
      return null;
    }
  }

  @Test
  void everyTruncationIsReported() {
    for (String name : FRAMES) {
      byte[] frame = Fixtures.bytes(name);
      for (int len = 0; len < frame.length; len++) {
        int at = len;
        assertThatThrownBy(() -> Blosc.decode(frame, 0, at, Long.MAX_VALUE))
            .as("%s cut to %d bytes", name, len)
            .isInstanceOf(CorruptObjectException.class)
            .hasMessageContaining(len < 16 ? "truncated blosc frame: " + len + " bytes"
                : "truncated blosc frame: header says " + frame.length + " bytes, got " + len);
      }
    }
  }

  @ParameterizedTest(name = "pure-Java zstd: {0}")
  @ValueSource(booleans = {false, true})
  void everyTruncationWithAPatchedHeaderIsReported(boolean pureJava) {
    // the harder case: the header's cbytes is fixed up to the cut length, so only the table and streams betray it
    Zstd.forcePureJava(pureJava);
    for (String name : FRAMES) {
      byte[] frame = Fixtures.bytes(name);
      for (int len = 16; len < frame.length; len++) {
        byte[] cut = Arrays.copyOf(frame, len);
        putInt(cut, 12, len);
        assertThat(decodeOrCorrupt(cut, len, Long.MAX_VALUE)).as("%s cut to %d bytes", name, len).isNull();
      }
    }
  }

  @ParameterizedTest(name = "pure-Java zstd: {0}")
  @ValueSource(booleans = {false, true})
  void singleByteCorruptionsNeverDecodeToAnotherLength(boolean pureJava) {
    Zstd.forcePureJava(pureJava);
    for (String name : new String[] {"codec/blosc_f8_1000.bin", "codec/blosc_i8_3.bin",
        "codec/legacy_blosc_lz4_shuffle_f8_1000.bin", "codec/blosc_M8s_100000.bin"}) {
      byte[] frame = Fixtures.bytes(name);
      int nbytes = BloscFrame.int32(frame, 4);
      byte[] expected = Blosc.decode(frame, 0, frame.length, nbytes);
      int tableEnd = frame[2] == (byte) 0x96 ? 16 : 16 + 4 * BloscFrame.parse(frame, 0, frame.length, nbytes)
          .blockCount();
      int reported = 0;
      int unchanged = 0;
      for (int pos = 0; pos < frame.length; pos++) {
        for (int flip : new int[] {0x01, 0x10, 0x80, 0xff}) {
          byte[] bad = frame.clone();
          bad[pos] ^= (byte) flip;
          byte[] decoded = decodeOrCorrupt(bad, bad.length, Long.MAX_VALUE);
          if (decoded == null) {
            reported++;
            continue;
          }
          assertThat(decoded).as("%s byte %d ^ 0x%x", name, pos, flip).hasSize(nbytes);
          // sizes and offsets cannot change silently: nbytes, cbytes, the block-start table
          boolean sizeField = pos >= 4 && pos < 8 || pos >= 12 && pos < tableEnd;
          assertThat(sizeField).as("%s byte %d ^ 0x%x decoded silently", name, pos, flip).isFalse();
          if (Arrays.equals(decoded, expected)) {
            unchanged++;
          }
        }
      }
      // zstd frames carry no checksum: most corrupted payload bytes decode to other values of the right size,
      // which the digest check above the codec catches
      System.out.printf("%s: %d of %d corruptions reported, %d harmless%n", name, reported, 4 * frame.length,
          unchanged);
      // at least every flip of the version byte, nbytes, cbytes and the block-start table
      assertThat(reported).as("corruptions of %s reported", name).isGreaterThanOrEqualTo(4 * (tableEnd - 7));
    }
  }

  @Test
  void randomGarbageIsReported() {
    long seed = 77L;
    System.out.println("BloscCorruptionTest garbage seed " + seed);
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    for (int i = 0; i < 2000; i++) {
      byte[] garbage = new byte[16 + rnd.nextInt(200)];
      rnd.nextBytes(garbage);
      garbage[0] = 2;
      garbage[1] = 1;
      putInt(garbage, 12, garbage.length);
      byte[] decoded = decodeOrCorrupt(garbage, garbage.length, 1 << 20);
      if (decoded != null) {
        assertThat(decoded).hasSize(BloscFrame.int32(garbage, 4));
      }
    }
  }

  @Test
  void sizesAreCheckedBeforeAllocating() {
    byte[] frame = f81000();
    assertThatThrownBy(() -> Blosc.decode(frame, 0, frame.length, 7999))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: blosc frame declares 8000 decoded bytes, more than the 7999 expected");
    byte[] absurd = frame.clone();
    putInt(absurd, 4, Integer.MAX_VALUE);
    assertThatThrownBy(() -> Blosc.decode(absurd, 0, absurd.length, 1000))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: blosc frame declares 2147483647 decoded bytes, more than the 1000 expected");
    byte[] huge = frame.clone();
    putInt(huge, 4, 0xFFFF_FFFFL);
    assertThatThrownBy(() -> Blosc.decode(huge, 0, huge.length, Long.MAX_VALUE))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessageContaining("declares 4294967295 decoded bytes");
    // a memcpyed header claiming 2 GB in a 40-byte frame
    byte[] memcpyed = Fixtures.bytes("codec/blosc_i8_3.bin");
    putInt(memcpyed, 4, Integer.MAX_VALUE - 100);
    assertThatThrownBy(() -> Blosc.decode(memcpyed, 0, memcpyed.length, Long.MAX_VALUE))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: MEMCPYED blosc frame of 40 bytes does not hold the 2147483547 bytes its header"
            + " declares");
    // tiny blocks: a block-start table larger than the frame
    byte[] tinyBlocks = frame.clone();
    putInt(tinyBlocks, 8, 1);
    assertThatThrownBy(() -> Blosc.decode(tinyBlocks, 0, tinyBlocks.length, Long.MAX_VALUE))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: truncated blosc frame: 8000 blocks need a block-start table ending at byte"
            + " 32016, the frame has 3231 bytes");
  }

  @Test
  void headerFieldsAreValidated() {
    assertMessage(patch(0, 3), "unsupported blosc format version 3 (expected 2)");
    assertMessage(patch(0, 1), "unsupported blosc format version 1 (expected 2)");
    assertMessage(patch(3, 0), "blosc frame with typesize 0");
    assertMessage(patch(2, 0x14), "unsupported blosc compressor blosclz (Lakota frames use zstd or lz4)");
    assertMessage(patch(2, 0x54), "unsupported blosc compressor snappy (Lakota frames use zstd or lz4)");
    assertMessage(patch(2, 0x74), "unsupported blosc compressor zlib (Lakota frames use zstd or lz4)");
    assertMessage(patch(2, 0xb4), "unsupported blosc compressor code 5 (Lakota frames use zstd or lz4)");
    assertMessage(patch(1, 2), "unsupported zstd format version 2 in blosc frame (expected 1)");
    byte[] noBlocks = f81000();
    putInt(noBlocks, 8, 0);
    assertMessage(noBlocks, "blosc frame with block size 0");
    byte[] longer = Arrays.copyOf(f81000(), 3240);
    assertMessage(longer, "blosc frame header says 3231 bytes, got 3240 (trailing garbage)");
    assertThatThrownBy(() -> Blosc.decode(f81000(), 0, 100, 8000))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessage("Cannot decode: truncated blosc frame: header says 3231 bytes, got 100");
  }

  @Test
  void blockStartsAndStreamSizesAreValidated() {
    byte[] outside = f81000();
    putInt(outside, 16, 5000);
    assertMessage(outside, "blosc block 0 starts at offset 5000, outside the data area [20, 3231) of the frame");
    byte[] inTable = f81000();
    putInt(inTable, 16, 8);
    assertMessage(inTable, "blosc block 0 starts at offset 8, outside the data area [20, 3231) of the frame");
    byte[] negativeStart = f81000();
    putInt(negativeStart, 16, -4);
    assertMessage(negativeStart, "blosc block 0 starts at offset -4, outside the data area [20, 3231) of the frame");
    byte[] negativeCsize = f81000();
    putInt(negativeCsize, 20, -1);
    assertMessage(negativeCsize, "stream 0 of blosc block 0 declares -1 compressed bytes, 3207 remain in the frame");
    byte[] longCsize = f81000();
    putInt(longCsize, 20, 3208);
    assertMessage(longCsize, "stream 0 of blosc block 0 declares 3208 compressed bytes, 3207 remain in the frame");
    byte[] shortCsize = f81000();
    putInt(shortCsize, 20, 3000);
    assertMessage(shortCsize, "stream 0 of blosc block 0: corrupt or truncated zstd frame");
    byte[] rawClaim = f81000();
    putInt(rawClaim, 4, 8008);
    putInt(rawClaim, 8, 8008);
    assertMessage(rawClaim, "stream 0 of blosc block 0: zstd frame declares 8000 decompressed bytes, expected 8008");
    byte[] notZstd = f81000();
    notZstd[24] = 0;
    assertMessage(notZstd, "stream 0 of blosc block 0: not a zstd frame: magic number 0xfd2fb500");
  }

  @Test
  void blocksThatDoNotFillTheDataAreaAreReported() {
    // five unused bytes after the last stream: the header and table no longer describe the frame
    byte[] padded = Arrays.copyOf(f81000(), 3236);
    putInt(padded, 12, padded.length);
    assertMessage(padded, "blosc blocks use 3211 bytes of the frame's 3216-byte data area");
    // a single block can still be read on its own: only whole-frame decoding sees the whole data area
    BloscFrame parsed = BloscFrame.parse(padded, 0, padded.length, 8000);
    byte[] block = new byte[8000];
    parsed.decodeBlock(0, block, 0);
    assertThat(LittleEndian.toDoubles(block, 0, 1000)).containsExactly(Fixtures.values(1000));
  }

  @Test
  void blockDecodingChecksItsArguments() {
    byte[] frame = Fixtures.bytes("codec/blosc_M8s_100000.bin");
    BloscFrame parsed = BloscFrame.parse(frame, 0, frame.length, 800_000);
    assertThatThrownBy(() -> parsed.decodeBlock(4, new byte[262_144], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> parsed.decodeBlock(0, new byte[262_143], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    byte[] last = new byte[parsed.blockLength(3)];
    parsed.decodeBlock(3, last, 0);
    assertThat(LittleEndian.toLongs(last, 0, last.length / 8)[0]).isEqualTo(1577836800L + 60L * 3 * 32_768);
  }

  private static byte[] patch(int pos, int value) {
    byte[] frame = f81000();
    frame[pos] = (byte) value;
    return frame;
  }

  private static void assertMessage(byte[] frame, String problem) {
    assertThatThrownBy(() -> Blosc.decode(frame, 0, frame.length, Long.MAX_VALUE))
        .isInstanceOf(CorruptObjectException.class)
        .hasMessageStartingWith("Cannot decode: " + problem);
  }
}
