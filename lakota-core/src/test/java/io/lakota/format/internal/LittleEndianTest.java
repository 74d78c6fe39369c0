package io.lakota.format.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Raw little-endian layouts of FORMAT.md §6.6. */
class LittleEndianTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void longsAndDoubles() {
    long[] ts = {0, 1577836800L, -9223372036854775808L};
    byte[] b = LittleEndian.toBytes(ts, 1, 2);
    assertThat(HEX.formatHex(b)).isEqualTo("00e10b5e000000000000000000000080");
    assertThat(LittleEndian.toLongs(b, 0, 2)).containsExactly(1577836800L, Long.MIN_VALUE);
    double nan = Double.longBitsToDouble(0x7ff8000000000123L);
    byte[] d = LittleEndian.toBytes(new double[] {1.5, nan}, 0, 2);
    assertThat(HEX.formatHex(d)).isEqualTo("000000000000f83f230100000000f87f");
    double[] back = LittleEndian.toDoubles(d, 0, 2);
    assertThat(back[0]).isEqualTo(1.5);
    assertThat(Double.doubleToRawLongBits(back[1])).isEqualTo(0x7ff8000000000123L);
  }

  @Test
  void intsFloatsShorts() {
    assertThat(HEX.formatHex(LittleEndian.toBytes(new int[] {1, -2}, 0, 2))).isEqualTo("01000000feffffff");
    assertThat(LittleEndian.toInts(HEX.parseHex("ff01000000feffffff"), 1, 2)).containsExactly(1, -2);
    assertThat(HEX.formatHex(LittleEndian.toBytes(new float[] {1.0f}, 0, 1))).isEqualTo("0000803f");
    assertThat(LittleEndian.toFloats(HEX.parseHex("0000803f"), 0, 1)).containsExactly(1.0f);
    assertThat(HEX.formatHex(LittleEndian.toBytes(new short[] {258, -1}, 0, 2))).isEqualTo("0201ffff");
    assertThat(LittleEndian.toShorts(HEX.parseHex("0201ffff"), 0, 2)).containsExactly((short) 258, (short) -1);
  }

  @Test
  void fillsCallerArraysAndChecksBounds() {
    long[] dst = new long[4];
    LittleEndian.toLongs(HEX.parseHex("0700000000000000"), 0, dst, 2, 1);
    assertThat(dst).containsExactly(0, 0, 7, 0);
    assertThatThrownBy(() -> LittleEndian.toLongs(new byte[15], 0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> LittleEndian.toDoubles(new byte[16], 1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> LittleEndian.toLongs(new byte[16], 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> LittleEndian.toInts(new byte[16], 0, Integer.MAX_VALUE / 2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("do not fit in a byte array");
    assertThatThrownBy(() -> LittleEndian.toBytes(new long[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
