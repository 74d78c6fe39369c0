package io.lakota.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text form of datetime values (CLI.md §2.2) as numpy prints them, including years of five digits. */
class DatetimesTest {

  @Test
  void formatsEveryUnit() {
    long s = Datetimes.parse("2020-06-22T01:02:03", "s");
    assertThat(Datetimes.format(s, "s")).isEqualTo("2020-06-22T01:02:03");
    assertThat(Datetimes.format(Datetimes.parse("2020-06-22", "D"), "D")).isEqualTo("2020-06-22");
    assertThat(Datetimes.format(50, "Y")).isEqualTo("2020");
    assertThat(Datetimes.format(605, "M")).isEqualTo("2020-06");
    assertThat(Datetimes.format(s / 3600, "h")).isEqualTo("2020-06-22T01");
    assertThat(Datetimes.format(s / 60, "m")).isEqualTo("2020-06-22T01:02");
    assertThat(Datetimes.format(s * 1000 + 7, "ms")).isEqualTo("2020-06-22T01:02:03.007");
    assertThat(Datetimes.format(s * 1_000_000 + 7, "us")).isEqualTo("2020-06-22T01:02:03.000007");
    assertThat(Datetimes.format(s * 1_000_000_000 + 7, "ns")).isEqualTo("2020-06-22T01:02:03.000000007");
    assertThat(Datetimes.format(Datetimes.NAT, "M")).isEqualTo("NaT");
    assertThat(Datetimes.format(-1, "Y")).isEqualTo("1969");
    assertThat(Datetimes.format(-1, "M")).isEqualTo("1969-12");
  }

  @Test
  void yearsPastNineThousandNineHundredNinetyNineKeepAllTheirDigits() {
    // numpy: np.datetime64(8030, 'Y') -> '10000', np.datetime64(96360, 'M') -> '10000-01'
    assertThat(Datetimes.format(10000 - 1970, "Y")).isEqualTo("10000");
    assertThat(Datetimes.format((10000 - 1970) * 12L, "M")).isEqualTo("10000-01");
    assertThat(Datetimes.format((12345 - 1970) * 12L + 11, "M")).isEqualTo("12345-12");
    assertThat(Datetimes.format(Datetimes.parse("9999-12-31", "D") + 1, "D")).isEqualTo("10000-01-01");
    assertThat(Datetimes.format(Datetimes.parse("9999-12-31T23:00:00", "h") + 1, "h")).isEqualTo("10000-01-01T00");
    assertThat(Datetimes.format(9999 - 1970, "Y")).isEqualTo("9999");
  }
}
