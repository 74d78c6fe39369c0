package io.lakota.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The inputs and setup of CLI.md §5. */
final class Walkthrough {
  static final String INPUT = "timestamp,value\n2020-06-22,25\n2020-06-23,24\n2020-06-24,27\n2020-06-25,31\n"
      + "2020-06-26,32\n2020-06-27,30\n";
  static final String CORRECTED = "timestamp,value\n2020-06-23,24.2\n2020-06-24,27.9\n2020-06-25,31.0\n"
      + "2020-06-26,32.5\n2020-06-27,30.1\n2020-06-28,29.2\n";
  static final String MULTI = "timestamp,version,value,note\n2021-01-01,1,1.5,a\n2021-01-01,2,2.5,\"b,c\"\n"
      + "2021-01-02,1,3.5,\"say \"\"hi\"\"\"\n2021-01-03,1,1e-05,\n";

  private Walkthrough() {}

  /** create temperature, write input.csv then input-corrected.csv. */
  static void temperature(Cli cli) {
    ok(cli.lakota("create", "temperature", "timestamp timestamp*", "value float"));
    ok(cli.lakotaWithInput(INPUT, "write", "temperature/Brussels"));
    ok(cli.lakotaWithInput(CORRECTED, "write", "temperature/Brussels"));
  }

  /** create multi and write its four rows. */
  static void multi(Cli cli) {
    ok(cli.lakota("create", "multi", "timestamp timestamp*", "version int*", "value float", "note str"));
    ok(cli.lakotaWithInput(MULTI, "write", "multi/m"));
  }

  static Cli.Result ok(Cli.Result r) {
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    return r;
  }
}
