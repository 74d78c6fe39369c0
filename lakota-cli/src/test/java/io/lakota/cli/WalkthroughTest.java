package io.lakota.cli;

import static io.lakota.cli.Cli.csv;
import static io.lakota.cli.Cli.lines;
import static io.lakota.cli.Walkthrough.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLI-1: the write-and-read walkthrough of CLI.md §5, exact stdout. */
class WalkthroughTest {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(dir);
  }

  @Test
  void createWriteListAndReadBeforeTheCorrection() {
    ok(cli.lakota("create", "temperature", "timestamp timestamp*", "value float"));
    assertThat(ok(cli.lakotaWithInput(Walkthrough.INPUT, "write", "temperature/Brussels")).out()).isEmpty();
    assertThat(ok(cli.lakota("ls")).out()).isEqualTo(csv("collection", "temperature"));
    assertThat(ok(cli.lakota("ls", "temperature")).out()).isEqualTo(csv("series", "Brussels"));
    assertThat(ok(cli.lakota("-P", "read", "temperature/Brussels")).out()).isEqualTo(lines(
        "timestamp              value",
        "-------------------  -------",
        "2020-06-22T00:00:00       25",
        "2020-06-23T00:00:00       24",
        "2020-06-24T00:00:00       27",
        "2020-06-25T00:00:00       31",
        "2020-06-26T00:00:00       32",
        "2020-06-27T00:00:00       30"));
  }

  @Test
  void readsAfterTheCorrection() {
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("read", "temperature/Brussels")).out()).isEqualTo(csv(
        "timestamp,value",
        "2020-06-22T00:00:00,25.0",
        "2020-06-23T00:00:00,24.2",
        "2020-06-24T00:00:00,27.9",
        "2020-06-25T00:00:00,31.0",
        "2020-06-26T00:00:00,32.5",
        "2020-06-27T00:00:00,30.1",
        "2020-06-28T00:00:00,29.2"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--mask", "(< self.value 28)")).out()).isEqualTo(csv(
        "timestamp,value", "2020-06-22T00:00:00,25.0", "2020-06-23T00:00:00,24.2", "2020-06-24T00:00:00,27.9"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--gt", "2020-06-23", "--lt", "2020-06-25", "-c", "b"))
        .out()).isEqualTo(csv("timestamp,value", "2020-06-23T00:00:00,24.2", "2020-06-24T00:00:00,27.9",
            "2020-06-25T00:00:00,31.0"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--gt", "2020-06-23", "--lt", "2020-06-25", "-c", "n"))
        .out()).isEqualTo(csv("timestamp,value", "2020-06-24T00:00:00,27.9"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "--tail", "2")).out())
        .isEqualTo(csv("timestamp,value", "2020-06-27T00:00:00,30.1", "2020-06-28T00:00:00,29.2"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "-l", "2", "-o", "1")).out())
        .isEqualTo(csv("timestamp,value", "2020-06-23T00:00:00,24.2", "2020-06-24T00:00:00,27.9"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "value", "timestamp")).out()).isEqualTo(csv(
        "value,timestamp",
        "25.0,2020-06-22T00:00:00",
        "24.2,2020-06-23T00:00:00",
        "27.9,2020-06-24T00:00:00",
        "31.0,2020-06-25T00:00:00",
        "32.5,2020-06-26T00:00:00",
        "30.1,2020-06-27T00:00:00",
        "29.2,2020-06-28T00:00:00"));
    assertThat(ok(cli.lakota("read", "temp/Bru", "--lt", "2020-06-24")).out())
        .isEqualTo(csv("timestamp,value", "2020-06-22T00:00:00,25.0", "2020-06-23T00:00:00,24.2"));
  }

  @Test
  void paginatesPrettyTables() {
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("-P", "read", "temperature/Brussels", "-p", "3")).out()).isEqualTo(lines(
        "timestamp              value",
        "-------------------  -------",
        "2020-06-22T00:00:00     25",
        "2020-06-23T00:00:00     24.2",
        "2020-06-24T00:00:00     27.9",
        "timestamp              value",
        "-------------------  -------",
        "2020-06-25T00:00:00     31",
        "2020-06-26T00:00:00     32.5",
        "2020-06-27T00:00:00     30.1",
        "timestamp              value",
        "-------------------  -------",
        "2020-06-28T00:00:00     29.2"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "-p", "3", "-o", "2", "-l", "3")).out()).isEqualTo(csv(
        "timestamp,value", "2020-06-24T00:00:00,27.9", "2020-06-25T00:00:00,31.0", "2020-06-26T00:00:00,32.5"));
  }

  @Test
  void groupsAndAggregates() {
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "(floor self.timestamp 'M')", "(last self.timestamp)",
        "(first self.timestamp)", "(count self.value)", "(sum self.value)", "(min self.value)")).out()).isEqualTo(csv(
            "(floor self.timestamp 'M'),(last self.timestamp),(first self.timestamp),(count self.value),"
                + "(sum self.value),(min self.value)",
            "2020-06,2020-06-28 00:00:00,2020-06-22T00:00:00,7,199.89999999999998,24.2"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "(max self.value)", "(sum self.value)",
        "(count self.value)", "(max self.timestamp)", "(mean self.value)")).out()).isEqualTo(csv(
            "(max self.value),(sum self.value),(count self.value),(max self.timestamp),(mean self.value)",
            "32.5,199.89999999999998,7,2020-06-28T00:00:00,28.557142857142853"));
    assertThat(ok(cli.lakota("-P", "read", "temperature/Brussels", "(floor self.timestamp 'Y')", "(sum self.value)"))
        .out()).isEqualTo(lines(
            "(floor self.timestamp 'Y')      (sum self.value)",
            "----------------------------  ------------------",
            "2020                                       199.9"));
    assertThat(ok(cli.lakota("read", "temperature/Brussels", "(floor self.timestamp 'M')", "(max self.value)"))
        .out()).isEqualTo(csv("(floor self.timestamp 'M'),(max self.value)", "2020-06,32.5"));
    assertThat(ok(cli.lakota("-P", "read", "temperature/Brussels", "(as (floor self.timestamp \"M\") \"month\")",
        "(as (mean self.value) \"avg\")")).out()).isEqualTo(lines(
            "month        avg",
            "-------  -------",
            "2020-06  28.5571"));
  }

  @Test
  void countsRows() {
    Walkthrough.temperature(cli);
    assertThat(ok(cli.lakota("len", "temperature")).out()).isEqualTo("7\n");
    assertThat(ok(cli.lakota("length", "temperature/Bru")).out()).isEqualTo("7\n");
  }

  @Test
  void listsRevisionsWithTheirRows() {
    Walkthrough.temperature(cli);
    String rev = ok(cli.lakota("rev", "temperature", "-e")).out();
    String hex = "[0-9a-f]{11}-[0-9a-f]{40}";
    String date = "Date: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{3}000)?";
    assertThat(rev).matches(java.util.regex.Pattern.compile(
        "\nRevision: 00000000000-0{40}\\.(" + hex + ")\n"
            + date + "\n"
            + "Total length: 6\n"
            + "\n"
            + "label     start                stop                   length  closed\n"
            + "--------  -------------------  -------------------  --------  --------\n"
            + "Brussels  2020-06-22T00:00:00  2020-06-27T00:00:00         6  b\n"
            + "\n"
            + "\nRevision: \\1\\." + hex + "\\*\n"
            + date + "\n"
            + "Total length: 12\n"
            + "\n"
            + "label     start                stop                   length  closed\n"
            + "--------  -------------------  -------------------  --------  --------\n"
            + "Brussels  2020-06-22T00:00:00  2020-06-23T00:00:00         6  l\n"
            + "Brussels  2020-06-23T00:00:00  2020-06-28T00:00:00         6  b\n"
            + "\n"));
    String plain = ok(cli.lakota("rev", "temperature/Brussels")).out();
    assertThat(plain).matches(java.util.regex.Pattern.compile(
        "\nRevision: 0{11}-0{40}\\." + hex + "\n" + date + "\nTotal length: 6\n\n"
            + "\nRevision: " + hex + "\\." + hex + "\\*\n" + date + "\nTotal length: 12\n\n"));
    String digests = ok(cli.lakota("rev", "temperature", "-ee")).out();
    assertThat(digests).contains("label     start                stop                   length  closed    digests\n");
    assertThat(digests).containsPattern("Brussels  2020-06-22T00:00:00  2020-06-27T00:00:00         6  b         "
        + "[0-9a-f]{40} / [0-9a-f]{40}\n");
  }

  @Test
  void listsTheRegistryRevisions() {
    Walkthrough.temperature(cli);
    ok(cli.lakota("create", "other", "x int*"));
    String rev = ok(cli.lakota("rev", "-e")).out();
    assertThat(rev).containsPattern("Total length: 2\n\n"
        + "label       start        stop           length  closed\n"
        + "----------  -----------  -----------  --------  --------\n"
        + "collection  other        other               1  b\n"
        + "collection  temperature  temperature         1  b\n");
  }
}
