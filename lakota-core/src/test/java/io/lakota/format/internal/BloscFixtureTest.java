package io.lakota.format.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.internal.util.Json;
import io.lakota.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every blosc vector of {@code codec/manifest.json}, decoded by our codec and re-encoded. */
class BloscFixtureTest {

  @AfterEach
  void nativeAgain() {
    Zstd.forcePureJava(false);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> manifest() {
    String text = new String(Fixtures.bytes("codec/manifest.json"), StandardCharsets.UTF_8);
    return (Map<String, Object>) Json.parse(text);
  }

  /** The manifest's blosc entries that carry a digest (all but the legacy frame). */
  static List<Arguments> vectors() {
    List<Arguments> out = new ArrayList<>();
    manifest().forEach((name, entry) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) entry;
      if (name.startsWith("blosc_")) {
        out.add(Arguments.of(name, e));
      }
    });
    assertThat(out).hasSize(5);
    return out;
  }

  static String sha1(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void decodesToTheDigestAndValuesOfTheManifest(String name, Map<String, Object> entry) throws Exception {
    byte[] frame = Fixtures.bytes("codec/" + name + ".bin");
    int n = ((Number) entry.get("n")).intValue();
    Map<String, Object> header = (Map<String, Object>) entry.get("header");
    assertThat(frame).hasSize(((Number) entry.get("encoded_len")).intValue());

    BloscFrame parsed = BloscFrame.parse(frame, 0, frame.length, 8L * n);
    assertThat(parsed.nbytes()).isEqualTo(((Number) header.get("nbytes")).intValue());
    assertThat(parsed.typesize()).isEqualTo(((Number) header.get("typesize")).intValue());
    assertThat(parsed.flags()).isEqualTo(Integer.decode((String) header.get("flags")));
    assertThat(frame[0]).isEqualTo(((Number) header.get("version")).byteValue());
    assertThat(frame[1]).isEqualTo(((Number) header.get("versionlz")).byteValue());
    assertThat(BloscFrame.uint32(frame, 8)).isEqualTo(((Number) header.get("blocksize")).longValue());
    assertThat(BloscFrame.uint32(frame, 12)).isEqualTo(((Number) header.get("cbytes")).longValue());

    byte[] raw = Blosc.decode(frame, 0, frame.length, 8L * n);
    assertThat(raw).hasSize(8 * n);
    assertThat(sha1(raw)).isEqualTo(entry.get("sha1_of_raw_le_bytes"));
    assertThat(sha1(raw)).isEqualTo(entry.get("lakota_digest"));

    String dtype = (String) entry.get("dtype");
    if (dtype.equals("f8")) {
      double[] v = LittleEndian.toDoubles(raw, 0, n);
      assertThat(raw).isEqualTo(LittleEndian.toBytes(Fixtures.values(n), 0, n));
      assertThat(v[0]).isEqualTo(Double.parseDouble((String) entry.get("first")));
      assertThat(v[n - 1]).isEqualTo(Double.parseDouble((String) entry.get("last")));
    } else {
      long[] t = LittleEndian.toLongs(raw, 0, n);
      assertThat(raw).isEqualTo(LittleEndian.toBytes(Fixtures.timestamps(n), 0, n));
      assertThat(t[0]).isEqualTo(epochSeconds(dtype, (String) entry.get("first")));
      assertThat(t[n - 1]).isEqualTo(epochSeconds(dtype, (String) entry.get("last")));
    }
  }

  private static long epochSeconds(String dtype, String text) {
    return dtype.equals("M8[s]") ? LocalDateTime.parse(text).toEpochSecond(ZoneOffset.UTC) : Long.parseLong(text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void blockByBlockInReverseOrderEqualsTheWholeDecode(String name, Map<String, Object> entry) {
    byte[] frame = Fixtures.bytes("codec/" + name + ".bin");
    BloscFrame parsed = BloscFrame.parse(frame, 0, frame.length, Long.MAX_VALUE);
    byte[] whole = parsed.decode();
    byte[] blocks = new byte[parsed.nbytes()];
    for (int b = parsed.blockCount() - 1; b >= 0; b--) {
      parsed.decodeBlock(b, blocks, b * parsed.blocksize());
    }
    assertThat(blocks).isEqualTo(whole);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reEncodedFramesDecodeToTheSameBytes(String name, Map<String, Object> entry) {
    byte[] frame = Fixtures.bytes("codec/" + name + ".bin");
    byte[] raw = Blosc.decode(frame, 0, frame.length, Long.MAX_VALUE);
    for (int level : new int[] {1, Blosc.DEFAULT_LEVEL, 9}) {
      byte[] ours = Blosc.encode(raw, 0, raw.length, 8, level);
      assertThat(ours[2]).isEqualTo((byte) (raw.length < 128 ? 0x96 : 0x94));
      assertThat(Blosc.decode(ours, 0, ours.length, raw.length)).isEqualTo(raw);
    }
  }

  @ParameterizedTest(name = "pure-Java zstd: {0}")
  @ValueSource(strings = {"blosc_f8_1000", "blosc_f8_1001", "blosc_M8s_100000", "blosc_i8_100003", "blosc_i8_3"})
  void thePureJavaFallbackDecodesTheSameBytes(String name) throws Exception {
    byte[] frame = Fixtures.bytes("codec/" + name + ".bin");
    byte[] expected = Blosc.decode(frame, 0, frame.length, Long.MAX_VALUE);
    Zstd.forcePureJava(true);
    assertThat(Zstd.isNative()).isFalse();
    assertThat(Blosc.decode(frame, 0, frame.length, Long.MAX_VALUE)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void legacyLz4FrameHoldsTheValuesOfBloscF81000(boolean pureJava) {
    Zstd.forcePureJava(pureJava);
    byte[] legacy = Fixtures.bytes("codec/legacy_blosc_lz4_shuffle_f8_1000.bin");
    assertThat(legacy).hasSize(4528);
    BloscFrame parsed = BloscFrame.parse(legacy, 0, legacy.length, 8000);
    assertThat(parsed.flags()).isEqualTo(0x21);
    assertThat(parsed.blockCount()).isEqualTo(1);
    byte[] reference = Fixtures.bytes("codec/blosc_f8_1000.bin");
    byte[] expected = Blosc.decode(reference, 0, reference.length, 8000);
    assertThat(parsed.decode()).isEqualTo(expected);
    assertThat(LittleEndian.toDoubles(parsed.decode(), 0, 1000)).containsExactly(Fixtures.values(1000));
  }

  @org.junit.jupiter.api.Test
  void blockStartTableOfM8s100000StoresBlockZeroLast() {
    byte[] frame = Fixtures.bytes("codec/blosc_M8s_100000.bin");
    int[] starts = new int[4];
    for (int b = 0; b < 4; b++) {
      starts[b] = BloscFrame.int32(frame, 16 + 4 * b);
    }
    assertThat(starts).containsExactly(1423, 32, 580, 1121);
    BloscFrame parsed = BloscFrame.parse(frame, 0, frame.length, 800_000);
    assertThat(parsed.blockCount()).isEqualTo(4);
    assertThat(parsed.blockLength(3)).isEqualTo(800_000 - 3 * 262_144);
  }

  @org.junit.jupiter.api.Test
  void ourEncoderReproducesTheMemcpyedFixtureByteForByte() {
    byte[] fixture = Fixtures.bytes("codec/blosc_i8_3.bin");
    byte[] raw = LittleEndian.toBytes(Fixtures.timestamps(3), 0, 3);
    assertThat(Blosc.encode(raw, 0, raw.length, 8, Blosc.DEFAULT_LEVEL)).isEqualTo(fixture);
  }
}
