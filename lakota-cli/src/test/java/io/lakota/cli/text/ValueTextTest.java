package io.lakota.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Dtype;
import org.junit.jupiter.api.Test;

/** The text forms of CLI.md §2.2. */
class ValueTextTest {

  @Test
  void printsEachDtype() {
    assertThat(ValueText.text(Dtype.FLOAT32, new float[] {0.1f, 123456.7f, 3.4e38f, -0f, 1e16f, 1e-5f}, 0))
        .isEqualTo("0.1");
    float[] f = {0.1f, 123456.7f, 3.4e38f, -0f, 1e16f, 1e-5f, 16777216f};
    String[] expected = {"0.1", "123456.7", "3.4e+38", "-0.0", "1e+16", "1e-05", "16777216.0"};
    for (int i = 0; i < f.length; i++) {
      assertThat(ValueText.text(Dtype.FLOAT32, f, i)).isEqualTo(expected[i]);
    }
    assertThat(ValueText.text(Dtype.UINT64, new long[] {-1}, 0)).isEqualTo("18446744073709551615");
    assertThat(ValueText.text(Dtype.INT8, new byte[] {-5}, 0)).isEqualTo("-5");
    assertThat(ValueText.text(Dtype.UINT8, new byte[] {-5}, 0)).isEqualTo("251");
    assertThat(ValueText.text(Dtype.BOOL, new boolean[] {true}, 0)).isEqualTo("True");
    assertThat(ValueText.text(Dtype.datetime("M"), new long[] {605}, 0)).isEqualTo("2020-06");
    assertThat(ValueText.text(Dtype.datetime("Y"), new long[] {50}, 0)).isEqualTo("2020");
    assertThat(ValueText.text(Dtype.datetime("h"), new long[] {0}, 0)).isEqualTo("1970-01-01T00");
    assertThat(ValueText.text(Dtype.datetime("us"), new long[] {1}, 0)).isEqualTo("1970-01-01T00:00:00.000001");
    assertThat(ValueText.text(Dtype.TIMESTAMP, new long[] {Long.MIN_VALUE}, 0)).isEqualTo("NaT");
    assertThat(ValueText.text(Dtype.TIMESTAMP, new long[] {-62135596800L}, 0)).isEqualTo("0001-01-01T00:00:00");
    assertThat(ValueText.text(Dtype.OBJECT, new Object[] {null}, 0)).isNull();
  }

  @Test
  void printsIndexValues() {
    assertThat(ValueText.text(Dtype.TIMESTAMP, (Object) 1592784000L)).isEqualTo("2020-06-22T00:00:00");
    assertThat(ValueText.text(Dtype.INT64, (Object) 2L)).isEqualTo("2");
    assertThat(ValueText.text(Dtype.STR, (Object) "temperature")).isEqualTo("temperature");
    assertThat(ValueText.text(Dtype.FLOAT64, (Object) 0.5)).isEqualTo("0.5");
  }
}
