package io.lakota.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** numpy's pairwise summation (EXPRESSIONS.md §8.5). */
class SummationTest {

  @Test
  void sumsShortArraysInOrder() {
    assertThat(Summation.sum(new double[] {25, 24.2, 27.9, 31, 32.5, 30.1, 29.2})).isEqualTo(199.89999999999998);
    assertThat(Summation.sum(new double[] {-0.0})).isEqualTo(0.0);
    assertThat(Summation.sum(new double[0])).isEqualTo(0.0);
  }

  @Test
  void usesEightAccumulatorsThenSplitsThenChunks() {
    double[] tenths = new double[10];
    java.util.Arrays.fill(tenths, 0.1);
    // 8 accumulators of 0.1, combined pairwise, then the 2 leftovers added in order
    double r = ((0.1 + 0.1) + (0.1 + 0.1)) + ((0.1 + 0.1) + (0.1 + 0.1));
    r = r + 0.1;
    r = r + 0.1;
    assertThat(Summation.sum(tenths)).isEqualTo(r).isEqualTo(1.0);
    double sequential = 0;
    for (double t : tenths) {
      sequential += t;
    }
    assertThat(sequential).isEqualTo(0.9999999999999999);

    double[] ramp = new double[20_000];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = 1.0 / (i + 1);
    }
    double expected = 0.0;
    expected += Summation.pairwise(ramp, 0, 8192);
    expected += Summation.pairwise(ramp, 8192, 8192);
    expected += Summation.pairwise(ramp, 16384, 20_000 - 16384);
    assertThat(Summation.sum(ramp)).isEqualTo(expected);
    // a block over 128 is split at a multiple of 8 below its half
    assertThat(Summation.pairwise(ramp, 0, 300))
        .isEqualTo(Summation.pairwise(ramp, 0, 144) + Summation.pairwise(ramp, 144, 156));
  }
}
