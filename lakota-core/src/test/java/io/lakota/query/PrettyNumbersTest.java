package io.lakota.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrettyNumbersTest {

  @Test
  void formatsWithSiPrefixes() {
    assertThat(PrettyNumbers.format(0)).isEqualTo("0");
    assertThat(PrettyNumbers.format(1)).isEqualTo("1.00");
    assertThat(PrettyNumbers.format(2500)).isEqualTo("2.50k");
    assertThat(PrettyNumbers.format(3e6)).isEqualTo("3.00M");
    assertThat(PrettyNumbers.format(0.00184)).isEqualTo("1.84m");
    assertThat(PrettyNumbers.format(0.0005)).isEqualTo("500.00u");
    assertThat(PrettyNumbers.format(1.02)).isEqualTo("1.02");
    assertThat(PrettyNumbers.format(1480)).isEqualTo("1.48k");
    assertThat(PrettyNumbers.format(512)).isEqualTo("512.00");
    assertThat(PrettyNumbers.format(-2500)).isEqualTo("-2.50k");
    assertThat(PrettyNumbers.format(5e22)).isEqualTo("50.00Z");
  }

  @Test
  void roundsHalfToEvenOnTheExactBinaryValue() {
    // 0.125 is exact: half to even gives 0.12; 1.005 is 1.00499999999999989… below the half
    assertThat(PrettyNumbers.format(0.125)).isEqualTo("125.00m");
    assertThat(PrettyNumbers.format(1.125)).isEqualTo("1.12");
    assertThat(PrettyNumbers.format(1.005)).isEqualTo("1.00");
    assertThat(PrettyNumbers.format(1.375)).isEqualTo("1.38");
  }
}
