package io.lakota;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakota.format.Dtype;
import io.lakota.format.Schema;
import io.lakota.storage.memory.MemoryPod;
import io.lakota.version.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "Java API" example of the project README, compiled and run: the lines between the markers below must be the
 * README's code block, line for line.
 */
class ReadmeExampleTest {
  static final Path SOURCE = Path.of("src/test/java/io/lakota/ReadmeExampleTest.java");
  static final Path README = Path.of("../README.md");

  @Test
  void exampleRuns() {
    // README-BEGIN
    Repo repo = new Repo(new MemoryPod());                 // or Repo.open("path/to/folder")
    Schema schema = Schema.builder()
        .index("timestamp", Dtype.TIMESTAMP)               // datetime64[s]: long[] of epoch seconds
        .column("value", Dtype.FLOAT64)
        .build();
    Collection temperature = repo.createCollection(schema, "temperature");
    Series brussels = temperature.series("Brussels");

    // Write: one array per column; strings, numbers and java.time values are cast to the column's type
    brussels.write(Map.of(
        "timestamp", new LocalDate[] {LocalDate.of(2020, 6, 22), LocalDate.of(2020, 6, 23), LocalDate.of(2020, 6, 24)},
        "value", new double[] {25, 24, 27}));
    Revision first = temperature.changelog().leaf();

    // A write replaces everything of the series between its bounds (here: all of June 23rd)
    brussels.writer().start("2020-06-23").stop("2020-06-23T23:59:59").write(Map.of(
        "timestamp", new String[] {"2020-06-23T12:00:00"},
        "value", new double[] {26.5}));

    // Read a range, [start, stop) by default: 2020-06-22 → 25.0, 2020-06-23T12:00 → 26.5
    Frame frame = brussels.query().start("2020-06-22").stop("2020-06-24").frame();
    double[] values = frame.doubles("value");              // columns are primitive arrays
    for (Row row : frame) {                                // rows are views, for convenience
      System.out.println(row.localDateTime("timestamp") + " " + row.getDouble("value"));
    }

    // Time travel: at a revision, or before a time (an Instant, or a LocalDateTime in an explicit zone)
    Frame original = brussels.query().at(first).frame();  // 25.0, 24.0, 27.0
    Frame now = brussels.query().before(Instant.now().plusSeconds(1)).frame();
    Frame past = brussels.query().before(LocalDateTime.of(2020, 1, 1, 0, 0), ZoneId.of("Europe/Brussels")).frame();

    // Batch: writes to several series become one revision, or nothing if the block throws
    try (Batch batch = temperature.multi()) {
      temperature.series("Paris").write(Map.of("timestamp", new String[] {"2020-06-22"}, "value", new double[] {28}));
      temperature.series("London").write(Map.of("timestamp", new String[] {"2020-06-22"}, "value", new double[] {19}));
      batch.commit();
    }
    // README-END
    assertThat(values).containsExactly(25.0, 26.5);
    assertThat(frame.localDateTimes("timestamp")).containsExactly(LocalDateTime.of(2020, 6, 22, 0, 0),
        LocalDateTime.of(2020, 6, 23, 12, 0));
    assertThat(original.doubles("value")).containsExactly(25.0, 24.0, 27.0);
    assertThat(now.doubles("value")).containsExactly(25.0, 26.5, 27.0);
    assertThat(past.isEmpty()).isTrue();
    assertThat(temperature.ls()).containsExactly("Brussels", "London", "Paris");
    assertThat(temperature.changelog().log()).hasSize(3);
  }

  @Test
  void readmeShowsTheSameCode() throws IOException {
    List<String> code = snippet(Files.readAllLines(SOURCE, StandardCharsets.UTF_8));
    List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
    int section = readme.indexOf("## Java API");
    assertThat(section).as("README has a \"## Java API\" section").isNotNegative();
    int open = readme.subList(section, readme.size()).indexOf("```java") + section;
    int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
    assertThat(readme.subList(open + 1, close)).containsExactlyElementsOf(code);
  }

  /** The lines between the markers, without the method body's indentation. */
  static List<String> snippet(List<String> source) {
    int begin = -1;
    int end = -1;
    for (int i = 0; i < source.size(); i++) {
      String t = source.get(i).strip();
      if (t.equals("// README-BEGIN")) {
        begin = i;
      } else if (t.equals("// README-END")) {
        end = i;
      }
    }
    String indent = source.get(begin).substring(0, source.get(begin).indexOf("//"));
    List<String> out = new ArrayList<>();
    for (String line : source.subList(begin + 1, end)) {
      out.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
    }
    return out;
  }
}
