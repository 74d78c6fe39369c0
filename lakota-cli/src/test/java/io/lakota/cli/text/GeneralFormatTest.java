package io.lakota.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's format(v, "g"), checked against values Python prints. */
class GeneralFormatTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "25.0|25", "24.2|24.2", "28.557142857142853|28.5571", "1589455903|1.58946e+09", "1000000|1e+06",
    "999999.5|1e+06", "999999.4|999999", "123456.5|123456", "0.0001|0.0001", "0.00001234|1.234e-05",
    "-0.0|-0", "0|0", "NaN|nan", "Infinity|inf", "-Infinity|-inf", "0.30000000000000004|0.3",
    "123456789012345678|1.23457e+17", "1e+16|1e+16", "1e15|1e+15", "-2.5|-2.5", "100|100", "1e-05|1e-05",
    "2.675|2.675", "0.1234565|0.123456", "199.89999999999998|199.9"
  })
  void formatsLikePython(double value, String expected) {
    assertThat(GeneralFormat.format(value)).isEqualTo(expected);
  }
}
