package io.lakota.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.codec.ColumnCodec;
import io.lakota.format.codec.Msgpack2;
import io.lakota.format.internal.Zstd;
import io.lakota.id.Digests;
import io.lakota.testing.Fixtures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** msgpack2 + zstd vectors (FORMAT.md §6.3, §12.3): SEMANTICS.md §21.1 F-3, F-4, F-5 and BF-11. */
class Msgpack2FixtureTest {
  static final ColumnCodec STR = ColumnCodec.of(Dtype.STR, List.of("msgpack2", "zstd"));
  static final ColumnCodec OBJ = ColumnCodec.of(Dtype.OBJECT, List.of("msgpack2", "zstd"));

  @Test
  void decodesStrings() {
    byte[] enc = Fixtures.bytes("codec/msgpack2zstd_U.bin");
    assertThat(enc).hasSize(46);
    assertThat((String[]) STR.decode(enc)).containsExactly("temperature", "Brussels", "é😀", "");
  }

  @Test
  void decodesObjectsKeepingMapOrder() {
    byte[] enc = Fixtures.bytes("codec/msgpack2zstd_O.bin");
    Object[] values = (Object[]) OBJ.decode(enc);
    assertThat(values).hasSize(3);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) values[0];
    assertThat(m.keySet()).containsExactly("path", "n");
    assertThat(m.get("path")).isEqualTo("c0/03/5ce29c87a72e03a6b209a88519e431d88962");
    assertThat(m.get("n")).isEqualTo(1L);
    assertThat(values[1]).isNull();
    assertThat(values[2]).isEqualTo(3.5);
  }

  @Test
  void encodesStringsWithCodePointWidthAndIdenticalBytes() {
    String[] values = {"temperature", "Brussels", "é😀", ""};
    byte[] msgpack = Msgpack2.encode(values, Dtype.STR);
    byte[] fixture = Fixtures.bytes("codec/msgpack2zstd_U.bin");
    byte[] inner = Zstd.decompress(fixture, 0, fixture.length, 1 << 20);
    assertThat(msgpack).isEqualTo(inner);
    assertThat(new String(msgpack, java.nio.charset.StandardCharsets.UTF_8)).contains("<U11");
    ColumnCodec.Encoded e = STR.encodeWithDigest(values);
    assertThat(e.bytes()).isEqualTo(fixture);
    assertThat(e.digest()).isEqualTo("3e4ce690aaa9173a377e1f4226c5fd232aa918bd");
  }

  @Test
  void encodesObjectsWithIdenticalBytes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", "c0/03/5ce29c87a72e03a6b209a88519e431d88962");
    m.put("n", 1L);
    ColumnCodec.Encoded e = OBJ.encodeWithDigest(new Object[] {m, null, 3.5});
    assertThat(e.bytes()).isEqualTo(Fixtures.bytes("codec/msgpack2zstd_O.bin"));
    assertThat(e.digest()).isEqualTo("c9317b6249e38573fc155e08c5cf26f019917a45");
  }

  @Test
  void emptyStringsUseWidthOneAndEmptyArraysEncodeToNothing() {
    byte[] msgpack = Msgpack2.encode(new String[] {"", ""}, Dtype.STR);
    assertThat(Digests.hex(msgpack)).isEqualTo("94a0a0a33c553191" + "02");
    ColumnCodec.Encoded e = STR.encodeWithDigest(new String[0]);
    assertThat(e.bytes()).isEmpty();
    assertThat(e.digest()).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    ColumnCodec.Encoded f = ColumnCodec.of(Dtype.FLOAT64, List.of("blosc")).encodeWithDigest(new double[0]);
    assertThat(f.bytes()).isEmpty();
    assertThat(f.digest()).isEqualTo(Digests.EMPTY);
    assertThat((double[]) ColumnCodec.of(Dtype.FLOAT64, List.of("blosc")).decode(new byte[0])).isEmpty();
  }

  @Test
  void readerTruncatesToTheDeclaredWidthLikeNumpy() {
    // hand-made payloads: [ "abcdef", "é😀x", "<U2", [2] ] and the same with "<U0" (read as width 1)
    byte[] u2 = msgpack("<U2");
    assertThat((String[]) Msgpack2.decode(u2, 0, u2.length, Dtype.STR)).containsExactly("ab", "é😀");
    byte[] u0 = msgpack("<U0");
    assertThat((String[]) Msgpack2.decode(u0, 0, u0.length, Dtype.STR)).containsExactly("a", "é");
    byte[] obj = msgpack("|O");
    assertThat((String[]) Msgpack2.decode(obj, 0, obj.length, Dtype.STR)).containsExactly("abcdef", "é😀x");
  }

  private static byte[] msgpack(String dtype) {
    try (org.msgpack.core.MessageBufferPacker p = org.msgpack.core.MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(4);
      p.packString("abcdef");
      p.packString("é😀x");
      p.packString(dtype);
      p.packArrayHeader(1);
      p.packInt(2);
      return p.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void numericDigestsAreTheSha1OfRawLittleEndianValues() {
    ColumnCodec f8 = ColumnCodec.of(Dtype.FLOAT64, List.of("blosc"));
    assertThat(f8.encodeWithDigest(Fixtures.values(1000)).digest())
        .isEqualTo("59ca531c65a16c2525d5a77c47d5f68c4dc53614");
    assertThat(f8.encodeWithDigest(Fixtures.values(1001)).digest())
        .isEqualTo("62ec276253ffaaa8d22ec2b06eb85f68b9918cc2");
    ColumnCodec i8 = ColumnCodec.of(Dtype.INT64, List.of("blosc"));
    assertThat(i8.encodeWithDigest(Fixtures.timestamps(3)).digest())
        .isEqualTo("7aadcc2b0183ce99ae4890f1fe0b9d1fdbe5c20b");
    assertThat(i8.encodeWithDigest(Fixtures.timestamps(100003)).digest())
        .isEqualTo("6986cf06988b21e404b3c07c80a9236d9ad225cb");
    ColumnCodec ts = ColumnCodec.of(Dtype.TIMESTAMP, List.of("blosc"));
    assertThat(ts.encodeWithDigest(Fixtures.timestamps(100000)).digest())
        .isEqualTo("7ad6899959185152c05fd8f806821f700f8f4d46");
    // the MEMCPYED fixture frame is exactly what the encoder writes for 3 int64
    assertThat(i8.encode(Fixtures.timestamps(3))).isEqualTo(Fixtures.bytes("codec/blosc_i8_3.bin"));
  }

  @Test
  void everyTypeRoundTripsThroughItsDefaultChain() {
    Object[][] cases = {
      {Dtype.TIMESTAMP, new long[] {0, 1577836800L, -86400}},
      {Dtype.DATE, new long[] {0, 18262, -1}},
      {Dtype.datetime("ms"), new long[] {1, 2, Long.MAX_VALUE}},
      {Dtype.datetime("us"), new long[] {1, 2, 3}},
      {Dtype.datetime("ns"), new long[] {Long.MIN_VALUE, 0, 5}},
      {Dtype.INT64, new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}},
      {Dtype.INT32, new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}},
      {Dtype.INT16, new short[] {Short.MIN_VALUE, 7}},
      {Dtype.INT8, new byte[] {-128, 127}},
      {Dtype.UINT8, new byte[] {(byte) 255, 0}},
      {Dtype.UINT16, new short[] {(short) 65535, 1}},
      {Dtype.UINT32, new int[] {-1, 1}},
      {Dtype.UINT64, new long[] {-1, 1}},
      {Dtype.FLOAT64, new double[] {Double.NaN, -0.0, Double.MIN_VALUE, Double.POSITIVE_INFINITY}},
      {Dtype.FLOAT32, new float[] {Float.NaN, 1.5f, -2f}},
      {Dtype.BOOL, new boolean[] {true, false, true}},
      {Dtype.fixedString(3), new String[] {"abc", "é😀", "", "x"}},
      {Dtype.STR, new String[] {"", "é😀", "a\u0000b", "long string ".repeat(50)}},
      {Dtype.OBJECT, new Object[] {null, true, 42L, -7L, 2.5, "s", new byte[] {1, 2}, List.of(1L, "x"),
          new LinkedHashMap<>(Map.of("k", List.of()))}},
    };
    for (Object[] c : cases) {
      Dtype dt = (Dtype) c[0];
      ColumnCodec codec = ColumnCodec.of(dt, ColumnDefinition.defaultCodecs(dt));
      byte[] enc = codec.encode(c[1]);
      Object back = codec.decode(enc, 0, enc.length, Columns.length(c[1]));
      if (c[1] instanceof Object[] && !(c[1] instanceof String[])) {
        Object[] a = (Object[]) c[1];
        Object[] b = (Object[]) back;
        assertThat(b).as(dt.name()).hasSameSizeAs(a);
        assertThat(Arrays.deepToString(b)).as(dt.name()).isEqualTo(Arrays.deepToString(a));
      } else {
        assertThat(Columns.equal(c[1], back)).as(dt.name() + " " + back).isTrue();
      }
    }
  }

  @Test
  void optionalCodecsRoundTrip() {
    String[] s = {"a", "é😀", ""};
    for (List<String> chain : List.of(List.of("vlen-utf8"), List.of("vlen-utf8", "gzip"), List.of("msgpack2", "zlib"),
        List.of("vlen-utf8", "zstd"))) {
      ColumnCodec c = ColumnCodec.of(Dtype.STR, chain);
      assertThat((String[]) c.decode(c.encode(s))).as(chain.toString()).containsExactly(s);
    }
    double[] v = Fixtures.values(5000);
    for (List<String> chain : List.of(List.of("zstd"), List.of("gzip"), List.of("zlib"), List.of("blosc", "zstd"))) {
      ColumnCodec c = ColumnCodec.of(Dtype.FLOAT64, chain);
      assertThat((double[]) c.decode(c.encode(v))).as(chain.toString()).containsExactly(v);
    }
  }
}
