package io.lakota.cli;

import static io.lakota.cli.Cli.csv;
import static io.lakota.cli.Cli.lines;
import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI-2: the multi-index walkthrough of CLI.md §5 (CSV quoting, prefix bounds). */
class MultiIndexTest {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
    Walkthrough.multi(cli);
  }

  @Test
  void quotesOnlyWhatNeedsQuotes() {
    assertThat(ok(cli.lakota("read", "multi/m")).out()).isEqualTo(
        "timestamp,version,value,note\r\n"
            + "2021-01-01T00:00:00,1,1.5,a\r\n"
            + "2021-01-01T00:00:00,2,2.5,\"b,c\"\r\n"
            + "2021-01-02T00:00:00,1,3.5,\"say \"\"hi\"\"\"\r\n"
            + "2021-01-03T00:00:00,1,1e-05,\r\n");
    assertThat(ok(cli.lakota("read", "multi/m", "note")).out())
        .isEqualTo(csv("note", "a", "\"b,c\"", "\"say \"\"hi\"\"\"", "\"\""));
  }

  @Test
  void printsAPrettyTable() {
    assertThat(ok(cli.lakota("-P", "read", "multi/m")).out()).isEqualTo(lines(
        "timestamp              version    value  note",
        "-------------------  ---------  -------  --------",
        "2021-01-01T00:00:00          1    1.5    a",
        "2021-01-01T00:00:00          2    2.5    b,c",
        "2021-01-02T00:00:00          1    3.5    say \"hi\"",
        "2021-01-03T00:00:00          1    1e-05"));
  }

  @Test
  void boundsArePrefixesOfTheIndex() {
    assertThat(ok(cli.lakota("read", "multi/m", "--gt", "2021-01-01", "--gt", "2", "-c", "b")).out()).isEqualTo(csv(
        "timestamp,version,value,note",
        "2021-01-01T00:00:00,2,2.5,\"b,c\"",
        "2021-01-02T00:00:00,1,3.5,\"say \"\"hi\"\"\"",
        "2021-01-03T00:00:00,1,1e-05,"));
    assertThat(ok(cli.lakota("read", "multi/m", "--lt", "2021-01-02", "-c", "b")).out()).isEqualTo(csv(
        "timestamp,version,value,note",
        "2021-01-01T00:00:00,1,1.5,a",
        "2021-01-01T00:00:00,2,2.5,\"b,c\"",
        "2021-01-02T00:00:00,1,3.5,\"say \"\"hi\"\"\""));
    assertThat(ok(cli.lakota("read", "multi/m", "--greater-than", "2021-01-02", "--less-than", "2021-01-03",
        "--closed", "LEFT")).out()).isEqualTo(csv(
            "timestamp,version,value,note", "2021-01-02T00:00:00,1,3.5,\"say \"\"hi\"\"\""));
  }

  @Test
  void listsRevisionRowsWithJoinedBounds() {
    String rev = ok(cli.lakota("rev", "multi", "-e")).text();
    assertThat(rev).endsWith(lines(
        "label    start                    stop                       length  closed",
        "-------  -----------------------  -----------------------  --------  --------",
        "m        2021-01-01T00:00:00 / 1  2021-01-03T00:00:00 / 1         4  b",
        ""));
  }
}
