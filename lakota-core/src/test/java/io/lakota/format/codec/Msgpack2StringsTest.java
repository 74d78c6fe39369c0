package io.lakota.format.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Dtype;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact-size encoder of string columns ({@link Msgpack2#encodeStrings}) writes the very bytes of msgpack-java's
 * packer ({@link Msgpack2#encodeWithPacker}), whatever the strings: empty, null, ASCII, non-ASCII, astral, unpaired
 * surrogates, every header size, and long strings (which it leaves to the packer).
 */
class Msgpack2StringsTest {
  private static String text(Random random, int len) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      int kind = random.nextInt(12);
      if (kind < 8) {
        b.append((char) (' ' + random.nextInt(95)));
      } else if (kind == 8) {
        b.append((char) (0x80 + random.nextInt(0x700)));
      } else if (kind == 9) {
        b.append('雪');
      } else if (kind == 10) {
        b.append("🦬");
      } else {
        b.append('\uD800'); // an unpaired surrogate: the packer writes '?'
      }
    }
    return b.toString();
  }

  @Test
  void sameBytesAsThePacker() {
    Random random = new Random(3);
    int[] counts = {0, 1, 2, 13, 14, 15, 16, 200, 70_000};
    int[] lengths = {0, 1, 31, 32, 40, 255, 256, 511, 512, 700, 70_000};
    int fast = 0;
    for (int count : counts) {
      for (int maxLength : lengths) {
        boolean ascii = random.nextBoolean();
        String[] s = new String[count];
        int total = 0;
        for (int i = 0; i < count && total < 2_000_000; i++) {
          int len = random.nextInt(maxLength + 1);
          s[i] = random.nextInt(20) == 0 ? null
              : ascii ? "x".repeat(len) : text(random, Math.min(len, 2_000_000 / Math.max(1, count)));
          total += len;
        }
        for (int i = 0; i < count; i++) {
          if (s[i] == null && random.nextBoolean()) {
            s[i] = "d" + i;
          }
        }
        for (Dtype dtype : new Dtype[] {Dtype.STR, Dtype.parse("<U3"), Dtype.parse("<U600")}) {
          byte[] expected = Msgpack2.encodeWithPacker(s, dtype);
          assertThat(Msgpack2.encode(s, dtype)).as("%d strings up to %d chars, %s", count, maxLength, dtype)
              .isEqualTo(expected);
          if (Msgpack2.encodeStrings(s, dtype) != null) {
            fast++;
          }
        }
      }
    }
    assertThat(fast).isGreaterThan(100);
  }

  @Test
  void digestsAndUnicodeAreWrittenByTheFastPath() {
    String[] s = {"2c26b46b68ffc68ff99b453c1d30413413422d70", "", "None", null, "é雪🦬", "\uDC00x"};
    byte[] fast = Msgpack2.encodeStrings(s, Dtype.STR);
    assertThat(fast).isEqualTo(Msgpack2.encodeWithPacker(s, Dtype.STR));
  }
}
