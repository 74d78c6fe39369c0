package io.lakota.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The generated benchmark data matches the values every implementation must produce (issue 7, acceptance 1). */
class BenchDataTest {
  @Test
  void firstValuesOfTheRandomWalk() {
    double[] v = BenchData.values(4);
    assertThat(v[0]).isCloseTo(0.0682303, within(1e-6));
    assertThat(v[1]).isCloseTo(-0.2063062, within(1e-6));
    assertThat(v[2]).isCloseTo(-0.2934679, within(1e-6));
    assertThat(v[3]).isCloseTo(-0.1630699, within(1e-6));
    assertThat(BenchData.timestamps(3)).containsExactly(1577836800L, 1577836801L, 1577836802L);
  }
}
