package io.lakota.cli;

import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLI-3 and bad input: each failure prints one line on stderr (after a usage line for usage errors), nothing on
 * stdout, exits 1 (2 for usage errors), and leaves the repository exactly as it was.
 */
class ErrorsTest {
  @TempDir Path dir;
  Cli cli;
  Map<String, String> before;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
    Walkthrough.temperature(cli);
    before = cli.snapshot();
  }

  private void fails(int code, String stderr, Cli.Result r) {
    assertThat(r.err()).isEqualTo(stderr + "\n");
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(code);
    assertThat(cli.snapshot()).isEqualTo(before);
  }

  private void failsWithUsage(String lastLine, Cli.Result r) {
    assertThat(r.out()).isEmpty();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("Usage: lakota").endsWith("\n" + lastLine + "\n");
    assertThat(cli.snapshot()).isEqualTo(before);
  }

  @Test
  void lookupFailuresPrintTheMessageAlone() {
    fails(1, "Series 'temperature/Xyz' not found", cli.lakota("read", "temperature/Xyz"));
    fails(1, "Label argument should have the form \"collection/series\"", cli.lakota("read", "temperature"));
    fails(1, "Collection \"nope\" not found", cli.lakota("read", "nope/x"));
    fails(1, "Collection \"nope\" not found", cli.lakota("ls", "nope"));
    fails(1, "Collection \"\" not found", cli.lakota("ls", ""));
    fails(1, "Collection \"nope\" not found", cli.lakota("len", "nope"));
    fails(1, "Series 'temperature/Xyz' not found", cli.lakota("len", "temperature/Xyz"));
    fails(1, "Collection \"nope\" not found", cli.lakota("rev", "nope"));
    fails(1, "Collection \"nope\" not found", cli.lakota("delete", "nope"));
    fails(1, "Collection temp not found", cli.lakota("merge", "temp"));
    fails(1, "Collection \"nope\" not found", cli.lakotaWithInput(Walkthrough.INPUT, "write", "nope/x"));
  }

  @Test
  void otherFailuresNameTheirKind() {
    fails(1, "ValueError: Collection with label 'temperature' already exists",
        cli.lakota("create", "temperature", "timestamp timestamp*", "value float"));
    fails(1, "ValueError: Unexpected item: *|", cli.lakota("create", "x", "a str*|zstd"));
    fails(1, "ValueError: Invalid schema, no index defined", cli.lakota("create", "x", "a int"));
    fails(1, "ValueError: dictionary update sequence element #1 has length 1; 2 is required",
        cli.lakota("create", "x", "a int*", "value"));
    fails(1, "KeyError: 'x'", cli.lakota("read", "temperature/Brussels", "-c", "x"));
    fails(1, "KeyError: 'nope'", cli.lakota("read", "temperature/Brussels", "timestamp", "nope"));
  }

  @Test
  void badCsvInputIsRefusedBeforeAnythingIsWritten() {
    fails(1, "AssertionError: Frame is not sorted!",
        cli.lakotaWithInput("timestamp,value\n2020-06-25,1\n2020-06-24,2\n", "write", "temperature/Brussels"));
    fails(1, "KeyError: 'KeyError: \"value\"'",
        cli.lakotaWithInput("timestamp\n2020-06-25\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: could not convert string to float: 'abc'",
        cli.lakotaWithInput("timestamp,value\n2020-06-25,abc\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: Error parsing datetime string \"June 25th\"",
        cli.lakotaWithInput("timestamp,value\nJune 25th,1\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: Cannot parse CSV: line 3 has 3 fields, the header has 2",
        cli.lakotaWithInput("timestamp,value\n2020-06-25,1\n2020-06-26,2,3\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: Cannot parse CSV: line 2 has 1 fields, the header has 2",
        cli.lakotaWithInput("timestamp,value\n2020-06-25\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: Cannot parse CSV: Unclosed quoted field at end of input (record starting at line 2)",
        cli.lakotaWithInput("timestamp,value\n\"2020-06-25,1\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: Cannot write: stdin is empty, expected CSV with a header row",
        cli.lakotaWithInput("", "write", "temperature/Brussels"));
    fails(1, "ValueError: Cannot write: the CSV on stdin has a header but no rows",
        cli.lakotaWithInput("timestamp,value\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: Cannot write: stdin is empty, expected CSV with a header row",
        cli.lakotaWithInput("\n\r\n\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: Cannot parse CSV: line 4 has 1 fields, the header has 2",
        cli.lakotaWithInput("timestamp,value\n2020-06-25,1\n\n2020-06-26\n", "write", "temperature/Brussels"));
    fails(1, "ValueError: could not convert string to float: ''",
        cli.lakotaWithInput("timestamp,value\n2020-06-25,\n", "write", "temperature/Brussels"));
    fails(1, "KeyError: 'KeyError: \"timestamp\"'",
        cli.lakotaWithInput("time,value\n2020-06-25,1\n", "write", "temperature/Brussels"));
  }

  @Test
  void headerColumnsOutsideTheSchemaAreIgnoredAsCliMdSays() {
    // CLI.md §4.6: "columns not in the schema are ignored" (the reference does the same); a record with more
    // fields than the header is an error (badCsvInputIsRefusedBeforeAnythingIsWritten)
    ok(cli.lakotaWithInput("extra,value,timestamp\nx,1.5,2020-06-29\n", "write", "temperature/Brussels"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--greater-than", "2020-06-29")).out())
        .isEqualTo(Cli.csv("timestamp,value", "2020-06-29T00:00:00,1.5"));
  }

  @Test
  void unparsableIntegersNameTheValue() {
    ok(cli.lakota("create", "ints", "k int*", "v int"));
    before = cli.snapshot();
    fails(1, "ValueError: invalid literal for int() with base 10: '1.5'",
        cli.lakotaWithInput("k,v\n1,1.5\n", "write", "ints/s"));
  }

  @Test
  void malformedExpressionsNameTheTokenAndPosition() {
    fails(1, "ValueError: Unexpected token: \"spam\" at position 5 of \"(bar spam)\"",
        cli.lakota("read", "temperature/Brussels", "--mask", "(bar spam)"));
    fails(1, "ValueError: No closing quotation at position 22 of \"(floor self.timestamp 'M)\"",
        cli.lakota("read", "temperature/Brussels", "(floor self.timestamp 'M)"));
    fails(1, "KeyError: 'nope'", cli.lakota("read", "temperature/Brussels", "--mask", "(< self.nope 1)"));
    fails(1, "ValueError: floor unit must be one of Y, M, D, h, m, s at position 1 of \"(floor self.timestamp 'W')\"",
        cli.lakota("read", "temperature/Brussels", "(floor self.timestamp 'W')", "(max self.value)"));
  }

  @Test
  void usageErrorsExitWithTwo() {
    failsWithUsage("lakota read: error: argument --before/-B: Datetime-like value expected.",
        cli.lakota("read", "temperature/Brussels", "-B", "garbage"));
    failsWithUsage("lakota read: error: unrecognized arguments: -P", cli.lakota("read", "temperature/Brussels", "-P"));
    failsWithUsage("lakota: error: argument COMMAND: invalid choice: 'bogus'", cli.lakota("bogus"));
    failsWithUsage("lakota read: error: the following arguments are required: LABEL", cli.lakota("read"));
    failsWithUsage("lakota trim: error: argument --before/-b: Datetime-like value expected.",
        cli.lakota("trim", "-b", "soon"));
    failsWithUsage("lakota export: error: argument -T/--file-type: invalid choice: 'xls' (choose from 'csv', "
        + "'parquet')", cli.lakota("export", dir.resolve("x").toString(), "-T", "xls"));
  }

  @Test
  void historyAndSyncErrors() {
    fails(1, "Collection \"nope\" not found", cli.lakota("defrag", "nope"));
    fails(1, "Collection \"nope\" not found", cli.lakota("trim", "nope", "-b", "2100-01-01"));
    fails(1, "Collection \"nope\" not found", cli.lakota("pull", dir.resolve("other").toString(), "nope"));
    fails(1, "Collection \"nope\" not found", cli.lakota("push", dir.resolve("other").toString(), "nope", "-s"));
    Cli other = new Cli(dir.resolve("other"));
    ok(other.lakota("create", "temperature", "timestamp timestamp*", "value int"));
    fails(1, "ValueError: Unable to sync collection \"temperature\",incompatible meta-info.",
        cli.lakota("push", other.repo));
    fails(1, "ValueError: Unable to sync collection \"temperature\",incompatible meta-info.",
        cli.lakota("pull", other.repo));
    fails(1, "ValueError: Protocol \"ftp\" not supported in \"ftp://x\"", cli.lakota("pull", "ftp://x"));
  }

  @Test
  void aStackTraceOnlyWithTwoVerboseFlags() {
    Cli.Result r = cli.lakota("-vv", "read", "nope/x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("at io.lakota.cli.").endsWith("\nCollection \"nope\" not found\n");
  }
}
