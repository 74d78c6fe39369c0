package io.lakota.cli;

import static io.lakota.cli.Cli.csv;
import static io.lakota.cli.Cli.lines;
import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI-6, CLI-10, CLI-11, CLI-12 and name resolution (CLI.md §3). */
class CommandsTest {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
  }

  /** CLI-6. */
  @Test
  void versionHelpAndUsage() {
    Cli.Result version = ok(Cli.run("", "version"));
    assertThat(version.out()).matches("lakota \\S+ \\(Lakota 0\\.7 format\\)\n");
    assertThat(ok(Cli.run("", "help")).out()).isEmpty();
    Cli.Result usage = ok(Cli.run(""));
    assertThat(usage.out()).startsWith("Usage: lakota [-hmPtv] [-r=URI]... [COMMAND]")
        .contains("  read  ", "  export  ", "  import  ", "  length, len  ", "  rev  ", "  ls  ", "  defrag  ",
            "  trim  ", "  push  ", "  pull  ", "  create  ", "  write  ", "  merge  ", "  delete, del  ", "  gc  ",
            "  help  ", "  version  ", "Exit status: 0 success, 1 failure (one line on stderr), 2 usage error.");
    assertThat(ok(Cli.run("", "-h")).out()).isEqualTo(usage.out());
    assertThat(ok(Cli.run("", "help", "read")).out()).startsWith("Usage: lakota read [-h]").contains("--paginate=N");
    assertThat(ok(Cli.run("", "read", "--help")).out()).startsWith("Usage: lakota read [-h]");
  }

  /** CLI-10. */
  @Test
  void deletesSeriesAndCollections() {
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("delete", "temperature/Brussels")).out()).isEmpty();
    assertThat(ok(cli.lakota("ls", "temperature")).out()).isEqualTo(csv("series"));
    assertThat(ok(cli.lakota("len", "temperature")).out()).isEqualTo("0\n");
    assertThat(ok(cli.lakota("del", "temp")).out()).isEmpty();
    assertThat(ok(cli.lakota("ls")).out()).isEqualTo(csv("collection"));
  }

  /** CLI-11. */
  @Test
  void printsTimingAndMetricsOnStderr() {
    Walkthrough.temperature(cli);
    Cli.Result timing = cli.lakota("-t", "ls");
    assertThat(timing.out()).isEqualTo(csv("collection", "temperature"));
    assertThat(timing.err()).matches("Timing \\(ls\\): [0-9.]+[a-zA-Z]*s\n");
    Cli.Result metrics = cli.lakota("-m", "read", "temperature/Brussels");
    assertThat(metrics.err()).matches("(Total FilePOD.read: [0-9.]+[a-zA-Z]*o\n)+");
    assertThat(cli.lakota("-t", "-m", "read", "nope/x").err()).isEqualTo("Collection \"nope\" not found\n");
    assertThat(cli.lakota("-t", "len", "temperature").err()).startsWith("Timing (length): ");
  }

  /** CLI-12. */
  @Test
  void printsFloatsAsPythonDoes() {
    ok(cli.lakota("create", "floats", "k int*", "value float"));
    ok(cli.lakotaWithInput("k,value\n1,0.1\n2,1e-05\n3,1e16\n4,1e15\n5,-0.0\n6,nan\n7,inf\n8,0.30000000000000004\n"
        + "9,123456789012345678\n", "write", "floats/f"));
    assertThat(ok(cli.lakota("read", "floats/f", "value")).out()).isEqualTo(csv("value", "0.1", "1e-05", "1e+16",
        "1000000000000000.0", "-0.0", "nan", "inf", "0.30000000000000004", "1.2345678901234568e+17"));
    assertThat(ok(cli.lakota("-P", "read", "floats/f")).out()).isEqualTo(lines(
        "  k          value",
        "---  -------------",
        "  1    0.1",
        "  2    1e-05",
        "  3    1e+16",
        "  4    1e+15",
        "  5   -0",
        "  6  nan",
        "  7  inf",
        "  8    0.3",
        "  9    1.23457e+17"));
  }

  @Test
  void printsEveryDtype() {
    ok(cli.lakota("create", "kinds", "d date*", "i int32", "f f4", "b bool", "s U3", "o O", "ms M8[ms]"));
    ok(cli.lakotaWithInput("d,i,f,b,s,o,ms\n2020-01-01,-7,0.1,x,abcdef,{},2020-01-01T10:00:00.25\n"
        + "2020-01-02,8,3.4e38,,é,,2020-01-02\n", "write", "kinds/k"));
    assertThat(ok(cli.lakota("read", "kinds/k")).out()).isEqualTo(csv("d,i,f,b,s,o,ms",
        "2020-01-01,-7,0.1,True,abc,{},2020-01-01T10:00:00.250",
        "2020-01-02,8,3.4e+38,False,é,,2020-01-02T00:00:00.000"));
    // bool is a numeric column for the table rules: True prints as 1
    assertThat(ok(cli.lakota("-P", "read", "kinds/k")).out()).isEqualTo(lines(
        "d             i        f    b  s    o    ms",
        "----------  ---  -------  ---  ---  ---  -----------------------",
        "2020-01-01   -7  0.1        1  abc  {}   2020-01-01T10:00:00.250",
        "2020-01-02    8  3.4e+38    0  é         2020-01-02T00:00:00.000"));
  }

  @Test
  void resolvesNamesByUniquePrefix() {
    Walkthrough.temperature(cli);
    ok(cli.lakota("create", "temp2", "timestamp timestamp*", "value float"));
    ok(cli.lakotaWithInput("timestamp,value\n2020-01-01,1\n", "write", "temperature/Bruges"));
    ok(cli.lakotaWithInput("timestamp,value\n2020-01-01,2\n", "write", "temperature/Bru"));
    assertThat(cli.lakota("ls", "temp").err()).isEqualTo("Collection \"temp\" not found\n");
    assertThat(ok(cli.lakota("ls", "tempe")).out()).isEqualTo(csv("series", "Bru", "Bruges", "Brussels"));
    assertThat(ok(cli.lakota("len", "temp2")).out()).isEqualTo("0\n");
    // several series start with "Bru" and one is named so: it wins; "Brus" is a unique prefix
    assertThat(ok(cli.lakota("read", "tempe/Bru")).out()).isEqualTo(csv("timestamp,value",
        "2020-01-01T00:00:00,2.0"));
    assertThat(ok(cli.lakota("len", "tempe/Brus")).out()).isEqualTo("7\n");
    assertThat(cli.lakota("len", "tempe/Br").err()).isEqualTo("Series 'tempe/Br' not found\n");
    // write resolves the collection but takes the series name as it is
    ok(cli.lakotaWithInput("timestamp,value\n2020-01-01,3\n", "write", "tempe/Br"));
    assertThat(ok(cli.lakota("ls", "temperature")).out()).isEqualTo(csv("series", "Br", "Bru", "Bruges", "Brussels"));
  }

  @Test
  void writesIgnoreUnknownCsvColumnsAndAcceptQuotedLineBreaks() {
    ok(cli.lakota("create", "notes", "k int*", "note str"));
    ok(cli.lakotaWithInput("extra,note,k\r\nx,\"two\nlines\",1\r\n\r\ny,plain,2\r\n", "write", "notes/n"));
    assertThat(ok(cli.lakota("read", "notes/n")).out()).isEqualTo(csv("k,note", "1,\"two\nlines\"", "2,plain"));
  }

  @Test
  void aWriteReplacesItsRangeAndKeepsTheRest() {
    ok(cli.lakota("create", "kv", "category str*", "value int"));
    ok(cli.lakotaWithInput("category,value\na,1\nb,2\nc,3\n", "write", "kv/k"));
    ok(cli.lakotaWithInput("category,value\nb,20\n", "write", "kv/k"));
    assertThat(ok(cli.lakota("read", "kv/k")).out()).isEqualTo(csv("category,value", "a,1", "b,20", "c,3"));
  }
}
