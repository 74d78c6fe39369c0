package io.lakota.cli;

import static io.lakota.cli.Cli.csv;
import static io.lakota.cli.Cli.lines;
import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI-4 and CLI-5 (empty results, time travel) and the finer points of read options. */
class ReadOptionsTest {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
  }

  /** CLI-4. */
  @Test
  void emptyResultsPrintTheHeaderOnly() {
    assertThat(ok(cli.lakota("-P", "ls")).out()).isEqualTo(lines("collection", "------------"));
    assertThat(ok(cli.lakota("ls")).out()).isEqualTo(csv("collection"));
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("-P", "read", "temperature/Brussels", "--gt", "2030-01-01")).out())
        .isEqualTo(lines("timestamp    value", "-----------  -------"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--gt", "2030-01-01")).out())
        .isEqualTo(csv("timestamp,value"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--gt", "2030-01-01", "-p", "2")).out())
        .isEqualTo(csv("timestamp,value"));
    assertThat(ok(cli.lakota("-P", "read", "temperature/Brussels", "--gt", "2030-01-01", "-p", "2")).out())
        .isEmpty();
    // a reduction without any page prints nothing
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--gt", "2030-01-01", "(max self.value)")).out())
        .isEmpty();
  }

  /** CLI-5. */
  @Test
  void readsThePast() throws InterruptedException {
    ok(cli.lakota("create", "temperature", "timestamp timestamp*", "value float"));
    ok(cli.lakotaWithInput(Walkthrough.INPUT, "write", "temperature/Brussels"));
    Thread.sleep(5);
    Instant between = Instant.now();
    Thread.sleep(5);
    ok(cli.lakotaWithInput(Walkthrough.CORRECTED, "write", "temperature/Brussels"));
    String naive = LocalDateTime.ofInstant(between, ZoneOffset.UTC).toString().replace('T', ' ');
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "-B", "2000-01-01")).out())
        .isEqualTo(csv("timestamp,value"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "-B", naive, "-l", "2")).out())
        .isEqualTo(csv("timestamp,value", "2020-06-22T00:00:00,25.0", "2020-06-23T00:00:00,24.0"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--before", between.toString(), "-o", "5")).out())
        .isEqualTo(csv("timestamp,value", "2020-06-27T00:00:00,30.0"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "-B", "2100-01-01T00:00:00+01:00", "-t", "1")).out())
        .isEqualTo(csv("timestamp,value", "2020-06-28T00:00:00,29.2"));
  }

  @Test
  void masksPagesBeforeReducingThem() {
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "-m", "(> self.value 30)", "(count self.value)",
        "(min self.timestamp)")).out()).isEqualTo(csv("(count self.value),(min self.timestamp)",
            "3,2020-06-25T00:00:00"));
    // paginated: one reduction per page, the header once
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "-p", "3", "(count self.value)")).out())
        .isEqualTo(csv("(count self.value)", "3", "3", "1"));
    // the mask reads columns that are not printed
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "value", "value", "-m",
        "(< self.timestamp '2020-06-24')")).out()).isEqualTo(csv("value,value", "25.0,25.0", "24.2,24.2"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--mask", "(isin self.value (list 31 29.2))")).out())
        .isEqualTo(csv("timestamp,value", "2020-06-25T00:00:00,31.0", "2020-06-28T00:00:00,29.2"));
  }

  @Test
  void paginationTakesPrecedenceOverTail() {
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "-p", "5", "-t", "1")).out().split("\r\n")).hasSize(8);
  }

  @Test
  void longOptionsMayBeAbbreviated() {
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--lim", "1")).out())
        .isEqualTo(csv("timestamp,value", "2020-06-22T00:00:00,25.0"));
  }

  @Test
  void usesTheRepositoryOfTheEnvironmentOrACacheChain() {
    Walkthrough.temperature(cli);
    Cli.Result viaEnv = Cli.run("", java.util.Map.of("LAKOTA_REPO", cli.repo), "len", "temperature");
    assertThat(viaEnv.out()).isEqualTo("7\n");
    assertThat(viaEnv.code()).isZero();
    Cli.Result chain = Cli.run("", "-r", "memory://", "-r", cli.repo, "read", "temperature/Brussels", "-t", "1");
    assertThat(chain.out()).isEqualTo(csv("timestamp,value", "2020-06-28T00:00:00,29.2"));
  }
}
